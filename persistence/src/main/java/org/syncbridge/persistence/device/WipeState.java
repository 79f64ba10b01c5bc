package org.syncbridge.persistence.device;

/** Where a device stands with a remote wipe the admin asked for. */
public enum WipeState {
    NONE,
    /** Erase the whole device at its next contact. */
    REQUESTED,
    /** Remove only this account from the device (EAS 16.1). */
    ACCOUNT_ONLY_REQUESTED,
    WIPE_ACKNOWLEDGED,
    ACCOUNT_ONLY_ACKNOWLEDGED;

    /** A wiped device that comes back is wiped again, until the admin cancels the wipe or forgets the device. */
    public boolean active() {
        return this != NONE;
    }

    public boolean accountOnly() {
        return this == ACCOUNT_ONLY_REQUESTED || this == ACCOUNT_ONLY_ACKNOWLEDGED;
    }
}
