package org.syncbridge.persistence.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's photo, a JPEG; apart from the user so that loading a user never loads it. */
@Entity
@Table(name = "sb_user_photo")
public class UserPhoto {
    /** The largest photo: what EAS clients may ask for at most (MaxSize 102400). */
    public static final int MAX_BYTES = 102_400;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(nullable = false, length = MAX_BYTES)
    private byte[] jpeg;

    protected UserPhoto() {
    }

    public UserPhoto(long userId, byte[] jpeg) {
        this.userId = userId;
        this.jpeg = jpeg;
    }

    public long getUserId() {
        return userId;
    }

    public byte[] getJpeg() {
        return jpeg;
    }

    public void setJpeg(byte[] jpeg) {
        this.jpeg = jpeg;
    }
}
