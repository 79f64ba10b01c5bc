package org.syncbridge.sync;

import java.util.Map;

/** What a client asks of a collection in one sync; null properties mean the client's data could not be read. */
public sealed interface ClientCommand {

    record Add(String clientId, Map<String, Object> properties) implements ClientCommand {
    }

    record Change(String serverId, Map<String, Object> properties) implements ClientCommand {
    }

    record Delete(String serverId) implements ClientCommand {
    }

    record Fetch(String serverId) implements ClientCommand {
    }
}
