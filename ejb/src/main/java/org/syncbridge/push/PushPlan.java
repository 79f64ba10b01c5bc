package org.syncbridge.push;

import java.util.Map;
import java.util.Set;

/**
 * What a waiting request (Ping, or a Sync that waits) is to watch, decided before it parks.
 *
 * @param outcome    whether it may park, and if not, why
 * @param limit      for a refused heartbeat the nearest allowed one (seconds), for too many collections the most allowed
 * @param heartbeat  how long it may wait, in seconds
 * @param watched    its collection ids by the watch key each is found under; null for the user's hierarchy
 *                   and for what concerns the device (a wipe, a block, the policy)
 * @param pending    collections that changed since the device last synced them: answer at once
 */
public record PushPlan(Outcome outcome, int limit, int heartbeat, Map<String, String> watched, Set<String> pending) {

    public enum Outcome {
        PARK,
        /** Neither this request nor an earlier one named what to watch. */
        NOTHING_TO_WATCH,
        HEARTBEAT_OUT_OF_BOUNDS,
        TOO_MANY_COLLECTIONS,
        /** A collection is unknown: the device's folder hierarchy is out of date. */
        HIERARCHY_CHANGED
    }

    static PushPlan refused(Outcome outcome, int limit) {
        return new PushPlan(outcome, limit, 0, Map.of(), Set.of());
    }
}
