package org.syncbridge.device;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.syncbridge.persistence.device.Device;
import org.syncbridge.persistence.device.Policy;
import org.syncbridge.persistence.device.WipeState;

/** Two-phase provisioning (MS-ASPROV) and the remote wipes it delivers. */
@Stateless
public class Provisioning {
    private static final Logger LOG = Logger.getLogger(Provisioning.class.getName());

    @PersistenceContext
    EntityManager em;

    /** Phase one: hands out the policy under a temporary key, or the pending wipe. */
    public ProvisionOffer offer(long deviceId, long contextId) {
        Device device = em.find(Device.class, deviceId);
        long temporary = PolicyKeys.next();
        device.setPendingPolicyKey(temporary);
        WipeState state = device.getWipeState();
        ProvisionOffer.Wipe wipe = !state.active() ? ProvisionOffer.Wipe.NONE
                : state.accountOnly() ? ProvisionOffer.Wipe.ACCOUNT_ONLY : ProvisionOffer.Wipe.DEVICE;
        return new ProvisionOffer(temporary, PolicySetting.valuesOf(policyOf(contextId).getSettings()), wipe);
    }

    /**
     * Phase two: the device acknowledges the temporary key with its Policy Status (1 applied,
     * 2 partially applied, 3 not applied, 4 externally managed). It gets the final key, which is the
     * context's current policy key, so a later policy change invalidates it.
     */
    public ProvisionAnswer acknowledge(long deviceId, long contextId, long acknowledgedKey, int clientStatus) {
        Device device = em.find(Device.class, deviceId);
        if (device.getPendingPolicyKey() == null || device.getPendingPolicyKey() != acknowledgedKey) {
            return new ProvisionAnswer(5, null);
        }
        device.setPendingPolicyKey(null);
        if (clientStatus != 1) {
            LOG.info(() -> "Device " + device.getDeviceId() + " applied the policy only partly (status " + clientStatus + ")");
        }
        long finalKey = policyOf(contextId).getPolicyKey();
        device.setPolicyKey(finalKey);
        return new ProvisionAnswer(1, finalKey);
    }

    /** The device reports that it carried out the remote wipe (or removed the account). */
    public boolean acknowledgeWipe(long deviceId, int clientStatus) {
        Device device = em.find(Device.class, deviceId);
        if (!device.getWipeState().active()) {
            return false;
        }
        if (clientStatus == 1) {
            device.acknowledgeWipe(Instant.now());
            LOG.info(() -> "Device " + device.getDeviceId() + " acknowledged its remote wipe (" + device.getWipeState() + ")");
        } else {
            LOG.warning(() -> "Device " + device.getDeviceId() + " reported that its remote wipe failed (status " + clientStatus + ")");
        }
        return true;
    }

    /** The context's policy; every context has one from its creation. */
    private Policy policyOf(long contextId) {
        return em.find(Policy.class, contextId);
    }

}
