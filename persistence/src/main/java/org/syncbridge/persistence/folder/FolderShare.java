package org.syncbridge.persistence.folder;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One user a folder is shared with, and whether that user may change its items. */
@Embeddable
public class FolderShare {

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private boolean writable;

    protected FolderShare() {
    }

    public FolderShare(long userId, boolean writable) {
        this.userId = userId;
        this.writable = writable;
    }

    public long getUserId() { return userId; }
    public boolean isWritable() { return writable; }
}
