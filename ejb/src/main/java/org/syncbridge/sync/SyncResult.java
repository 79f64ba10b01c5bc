package org.syncbridge.sync;

import java.util.List;

/** The answer for one collection: its next key, the answers to the client's commands, and the server's changes. */
public record SyncResult(Status status, String syncKey, List<CommandResult> results, List<ServerChange> changes,
                         boolean moreAvailable) {

    public enum Status {
        OK,
        /** A key this device was never given for this collection: the client must start over from 0. */
        INVALID_KEY,
        /** The collection does not exist or is no longer visible to the user: the client must sync the hierarchy. */
        COLLECTION_GONE
    }

    static SyncResult refused(Status status) {
        return new SyncResult(status, null, List.of(), List.of(), false);
    }
}
