package org.syncbridge.sync;

import java.util.Map;

/**
 * The answer to one client command.
 *
 * @param properties the item, for a Fetch
 */
public record CommandResult(ClientCommand command, String serverId, Outcome outcome, Map<String, Object> properties) {

    public enum Outcome {
        OK,
        /** The item is not (or no longer) in the collection. */
        NOT_FOUND,
        /** The server changed the item too and its version wins; it is among the server changes. */
        CONFLICT,
        /** The collection is read-only for this user; the server's version is sent to restore the client's. */
        DENIED,
        /** The client's data could not be read. */
        INVALID
    }
}
