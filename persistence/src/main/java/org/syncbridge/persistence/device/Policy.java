package org.syncbridge.persistence.device;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.syncbridge.persistence.tenant.Context;

/**
 * The device policy of a context: the settings that differ from the defaults, by EASProvisionDoc
 * name. Every change draws a new policy key, so devices holding the old one provision again.
 */
@Entity
@Table(name = "sb_policy")
public class Policy {

    @Id
    @Column(name = "context_id")
    private Long contextId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "context_id")
    private Context context;

    @Column(name = "policy_key", nullable = false)
    private long policyKey;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "sb_policy_setting", joinColumns = @JoinColumn(name = "context_id"))
    @MapKeyColumn(name = "name", length = 64)
    @Column(name = "setting_value")
    private Map<String, String> settings = new HashMap<>();

    protected Policy() {
    }

    public Policy(Context context, long policyKey, Instant now) {
        this.context = context;
        this.policyKey = policyKey;
        this.changedAt = now;
    }

    public Long getContextId() { return contextId; }
    public long getPolicyKey() { return policyKey; }
    public Instant getChangedAt() { return changedAt; }
    public Map<String, String> getSettings() { return settings; }

    public void changed(long newPolicyKey, Instant now) {
        this.policyKey = newPolicyKey;
        this.changedAt = now;
    }
}
