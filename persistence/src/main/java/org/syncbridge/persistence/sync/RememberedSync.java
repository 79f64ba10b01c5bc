package org.syncbridge.persistence.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A device's last full Sync request, as the protocol module encoded it (collections and options,
 * no keys, no commands): an empty or Partial Sync repeats or completes it.
 */
@Entity
@Table(name = "sb_sync_request")
public class RememberedSync {
    /** The column's size; a longer request is not remembered. */
    public static final int MAX_LENGTH = 65536;

    @Id
    @Column(name = "device_id")
    private Long deviceId;

    @Column(nullable = false, length = MAX_LENGTH)
    private String request;

    protected RememberedSync() {
    }

    public RememberedSync(long deviceId, String request) {
        this.deviceId = deviceId;
        this.request = request;
    }

    public String getRequest() { return request; }

    public void setRequest(String request) { this.request = request; }
}
