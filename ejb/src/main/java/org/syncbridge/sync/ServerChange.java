package org.syncbridge.sync;

import java.util.Map;

/** A change the client must apply; properties are null for a delete. */
public record ServerChange(Kind kind, String serverId, Map<String, Object> properties) {

    public enum Kind { ADD, CHANGE, DELETE }
}
