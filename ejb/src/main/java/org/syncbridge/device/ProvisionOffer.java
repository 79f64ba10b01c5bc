package org.syncbridge.device;

import java.util.Map;

/**
 * The first phase of provisioning: a temporary policy key, the policy to apply, and any remote wipe
 * the device must carry out instead.
 *
 * @param settings every setting's value, in {@link PolicySetting} order
 */
public record ProvisionOffer(long temporaryPolicyKey, Map<PolicySetting, String> settings, Wipe wipe) {

    /** A remote wipe the admin asked for. */
    public enum Wipe { NONE, DEVICE, ACCOUNT_ONLY }
}
