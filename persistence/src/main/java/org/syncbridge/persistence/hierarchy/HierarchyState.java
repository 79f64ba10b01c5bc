package org.syncbridge.persistence.hierarchy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A device's folder-hierarchy sync state: the folders promised under the current sync key and
 * under the previous one (for a client that repeats it after losing a response).
 */
@Entity
@Table(name = "sb_hierarchy_state")
public class HierarchyState {

    @Id
    @Column(name = "device_id")
    private Long deviceId;

    @Column(name = "sync_key", nullable = false)
    private int syncKey;

    @Column(nullable = false, length = 1_000_000)
    private String folders;

    @Column(name = "previous_sync_key")
    private Integer previousSyncKey;

    @Column(name = "previous_folders", length = 1_000_000)
    private String previousFolders;

    protected HierarchyState() {
    }

    public HierarchyState(long deviceId) {
        this.deviceId = deviceId;
    }

    public Long getDeviceId() { return deviceId; }
    public int getSyncKey() { return syncKey; }
    public String getFolders() { return folders; }
    public Integer getPreviousSyncKey() { return previousSyncKey; }
    public String getPreviousFolders() { return previousFolders; }

    /** Promises {@code newFolders} under {@code newKey}; {@code basis} becomes the previous key's promise. */
    public void advance(int newKey, String newFolders, Integer basisKey, String basisFolders) {
        this.previousSyncKey = basisKey;
        this.previousFolders = basisFolders;
        this.syncKey = newKey;
        this.folders = newFolders;
    }
}
