package org.syncbridge.persistence.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * The sync state of one collection on one device: the current key and what it promised (every
 * change up to the high-water modseq was sent), and the same for the previous key, which a client
 * may repeat after losing a response.
 */
@Entity
@Table(name = "sb_sync_state")
public class CollectionState {

    /** (device, collection). */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "device_id")
        private long deviceId;

        @Column(name = "collection_id", length = 64)
        private String collectionId;

        protected Key() {
        }

        public Key(long deviceId, String collectionId) {
            this.deviceId = deviceId;
            this.collectionId = collectionId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.deviceId == deviceId && k.collectionId.equals(collectionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, collectionId);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "sync_key", nullable = false)
    private int syncKey;

    @Column(name = "high_water", nullable = false)
    private long highWater;

    @Column(name = "previous_sync_key")
    private Integer previousSyncKey;

    @Column(name = "previous_high_water")
    private Long previousHighWater;

    /** What the device wrote itself: "clientId serverId modseq" lines (see the V5 migration). */
    @Column(name = "own_writes", length = 1_000_000)
    private String ownWrites;

    /** The start of the date window the current key's changes were chosen by; null for none. */
    @Column(name = "window_start")
    private java.time.Instant windowStart;

    @Column(name = "previous_window_start")
    private java.time.Instant previousWindowStart;

    /** The properties the client declared ghosted in its SyncKey 0 (Supported), comma-separated; null for none declared. */
    @Column(name = "ghosted", length = 4000)
    private String ghosted;

    protected CollectionState() {
    }

    public CollectionState(long deviceId, String collectionId) {
        this.key = new Key(deviceId, collectionId);
    }

    public int getSyncKey() { return syncKey; }
    public long getHighWater() { return highWater; }
    public Integer getPreviousSyncKey() { return previousSyncKey; }
    public Long getPreviousHighWater() { return previousHighWater; }
    public String getOwnWrites() { return ownWrites; }
    public java.time.Instant getWindowStart() { return windowStart; }
    public java.time.Instant getPreviousWindowStart() { return previousWindowStart; }
    public String getGhosted() { return ghosted; }

    /** What a SyncKey 0 declared ghosted; it holds until the next SyncKey 0. */
    public void setGhosted(String ghosted) {
        this.ghosted = ghosted;
    }

    /** Records a write the device made outside Sync (a MoveItems), in the same form as the engine's. */
    public void setOwnWrites(String writes) {
        this.ownWrites = writes;
    }

    /** Moves to {@code newKey}; the state the client built on (key, high water, window) becomes the previous one. */
    public void advance(int newKey, long newHighWater, java.time.Instant newWindowStart, Integer basisKey, Long basisHighWater,
                        java.time.Instant basisWindowStart, String writes) {
        this.previousSyncKey = basisKey;
        this.previousHighWater = basisHighWater;
        this.syncKey = newKey;
        this.highWater = newHighWater;
        this.ownWrites = writes;
        this.windowStart = newWindowStart;
        this.previousWindowStart = basisWindowStart;
    }
}
