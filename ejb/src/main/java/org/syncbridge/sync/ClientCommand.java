package org.syncbridge.sync;

import java.util.Map;
import java.util.Set;

/**
 * What a client asks of a collection in one sync; null properties mean the client's data could not be read.
 * A change or delete with an instance id (the original start of one occurrence, ISO-8601) concerns that
 * occurrence of a recurring appointment only.
 */
public sealed interface ClientCommand {

    record Add(String clientId, Map<String, Object> properties) implements ClientCommand {
    }

    /**
     * @param present the properties of the elements the change carried, even empty ones: they are replaced, whatever
     *                the client's ghosting rules say of the ones it left out
     */
    record Change(String serverId, Map<String, Object> properties, String instanceId, Set<String> present) implements ClientCommand {
        public Change {
            present = present == null ? Set.of() : Set.copyOf(present);
        }
    }

    record Delete(String serverId, String instanceId) implements ClientCommand {
    }

    record Fetch(String serverId) implements ClientCommand {
    }
}
