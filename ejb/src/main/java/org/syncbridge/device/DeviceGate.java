package org.syncbridge.device;

/** Whether a device's request may proceed, and if not, what the device must do first. */
public enum DeviceGate {
    ALLOWED,
    /** The admin blocked the device. */
    BLOCKED,
    /** The device sent no policy key: it must provision. */
    NOT_PROVISIONED,
    /** The device's policy key is not the current one (the policy changed): it must provision again. */
    POLICY_KEY_INVALID,
    /** A remote wipe awaits the device (or it was wiped and came back): it must provision to receive it. */
    WIPE_REQUESTED
}
