package org.syncbridge.mail.push;

/**
 * A parked request's question about one watched folder: did it change since the device's last sync? Answered by the
 * next STATUS of the folder that a watcher sends after the request parked; from then on the watcher's events tell.
 */
final class Check {
    final SyncedFolder synced;
    private final Runnable changed;

    Check(SyncedFolder synced, Runnable changed) {
        this.synced = synced;
        this.changed = changed;
    }

    /** Compares with the folder as STATUS told it {@code now}; tells the request when it differs. */
    void answer(Snapshot now) {
        if (synced.differs(now)) {
            changed.run();
        }
    }
}
