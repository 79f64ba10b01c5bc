package org.syncbridge.persistence.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far a user's Inbox was examined for invitations: the mail above {@code lastUid} in {@code uidValidity} is new. */
@Entity
@Table(name = "sb_invitation_scan")
public class InvitationScan {

    @Id
    @Column(name = "user_id")
    private long userId;

    @Column(name = "uid_validity", nullable = false)
    private long uidValidity;

    @Column(name = "last_uid", nullable = false)
    private long lastUid;

    @Column(name = "scanned_at", nullable = false)
    private Instant scannedAt;

    protected InvitationScan() {
    }

    /** A user whose Inbox was never examined (UIDVALIDITY 0 matches no mailbox). */
    public InvitationScan(long userId) {
        this.userId = userId;
        this.scannedAt = Instant.EPOCH;
    }

    public long getUserId() { return userId; }
    public long getUidValidity() { return uidValidity; }
    public long getLastUid() { return lastUid; }
    public Instant getScannedAt() { return scannedAt; }

    public void scanned(long newUidValidity, long newLastUid, Instant at) {
        this.uidValidity = newUidValidity;
        this.lastUid = newLastUid;
        this.scannedAt = at;
    }
}
