package org.syncbridge.sync;

import java.util.Optional;

/** The number in a sync key a client presents; keys the server hands out are positive, "0" asks to start over. */
public final class SyncKeys {

    private SyncKeys() {
    }

    /** The presented key's number when it can be one the server handed out. */
    public static Optional<Integer> handedOut(String presented) {
        try {
            int key = Integer.parseInt(presented == null ? "" : presented.trim());
            return key > 0 ? Optional.of(key) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
