package org.syncbridge.sync;

import java.util.Map;

/** A change the client must apply; properties are null for a delete. A soft delete: the item left the date window. */
public record ServerChange(Kind kind, String serverId, Map<String, Object> properties) {

    public enum Kind { ADD, CHANGE, DELETE, SOFT_DELETE }
}
