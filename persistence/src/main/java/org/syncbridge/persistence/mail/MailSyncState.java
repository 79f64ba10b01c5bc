package org.syncbridge.persistence.mail;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.syncbridge.persistence.sync.CollectionState;

/**
 * What one device holds of one mail folder: the snapshot behind its current sync key and the one behind the
 * key before, which a client that lost a response may present again.
 */
@Entity
@Table(name = "sb_mail_sync_state")
public class MailSyncState {

    @EmbeddedId
    private CollectionState.Key key;

    @Column(name = "sync_key", nullable = false)
    private int syncKey;

    @Column(nullable = false, length = 1_000_000)
    private String snapshot;

    @Column(name = "previous_sync_key")
    private Integer previousSyncKey;

    @Column(name = "previous_snapshot", length = 1_000_000)
    private String previousSnapshot;

    protected MailSyncState() {
    }

    public MailSyncState(long deviceId, String collectionId, String snapshot) {
        this.key = new CollectionState.Key(deviceId, collectionId);
        this.snapshot = snapshot;
    }

    public int getSyncKey() { return syncKey; }
    public String getSnapshot() { return snapshot; }
    public Integer getPreviousSyncKey() { return previousSyncKey; }
    public String getPreviousSnapshot() { return previousSnapshot; }

    /** Moves to {@code newKey}; the snapshot the client built on becomes the previous one. */
    public void advance(int newKey, String newSnapshot, Integer basisKey, String basisSnapshot) {
        this.previousSyncKey = basisKey;
        this.previousSnapshot = basisSnapshot;
        this.syncKey = newKey;
        this.snapshot = newSnapshot;
    }

    /** Replaces the current snapshot without a new key (a MoveItems the device made). */
    public void replaceSnapshot(String newSnapshot) {
        this.snapshot = newSnapshot;
    }
}
