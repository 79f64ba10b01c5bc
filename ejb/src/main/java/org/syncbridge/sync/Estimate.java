package org.syncbridge.sync;

/** How many changes await a collection's next sync. */
public record Estimate(Status status, long count) {

    public enum Status {
        OK,
        /** The collection has never been synced (key 0): there is nothing to estimate against yet. */
        NOT_PRIMED,
        INVALID_KEY,
        COLLECTION_GONE
    }
}
