package org.syncbridge.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.jms.ChangeNotice;
import org.syncbridge.jms.ChangeNotices;
import org.syncbridge.persistence.device.Policy;
import org.syncbridge.persistence.tenant.Context;
import org.syncbridge.tenant.AdminScope;
import org.syncbridge.tenant.RequestRejected;

/** The admin's view of a context's device policy. A change makes every device provision again. */
@Stateless
public class DevicePolicies {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChangeNotices notices;

    public PolicyInfo get(AdminIdentity caller, String contextName) {
        Context context = AdminScope.context(em, caller, contextName);
        return info(context, policy(context));
    }

    /** Sets the named settings; a null value goes back to the default. Unknown names or bad values change nothing. */
    public PolicyInfo update(AdminIdentity caller, String contextName, Map<String, String> changes) {
        if (changes == null || changes.isEmpty()) {
            throw RequestRejected.invalid("name at least one policy setting");
        }
        Context context = AdminScope.context(em, caller, contextName);
        Map<PolicySetting, String> checked = new LinkedHashMap<>();
        changes.forEach((name, value) -> {
            PolicySetting setting = PolicySetting.named(name)
                    .orElseThrow(() -> RequestRejected.invalid("'" + name + "' is not a policy setting"));
            checked.put(setting, value == null ? null : setting.normalize(value)
                    .orElseThrow(() -> RequestRejected.invalid("'" + value + "' is not a valid " + name)));
        });
        Policy policy = policy(context);
        checked.forEach((setting, value) -> {
            if (value == null || value.equals(setting.defaultValue())) {
                policy.getSettings().remove(setting.name());
            } else {
                policy.getSettings().put(setting.name(), value);
            }
        });
        policy.changed(PolicyKeys.next(), Instant.now());
        notices.publish(ChangeNotice.devicesOf(context.getId())); // parked devices ask again and provision
        return info(context, policy);
    }

    /** Every context has its policy from its creation (and from migration V2 for older ones). */
    private Policy policy(Context context) {
        return em.find(Policy.class, context.getId());
    }

    private static PolicyInfo info(Context context, Policy policy) {
        Map<String, String> settings = new LinkedHashMap<>();
        PolicySetting.valuesOf(policy.getSettings()).forEach((setting, value) -> settings.put(setting.name(), value));
        return new PolicyInfo(context.getName(), policy.getPolicyKey(), policy.getChangedAt(), settings);
    }
}
