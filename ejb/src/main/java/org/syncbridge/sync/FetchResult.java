package org.syncbridge.sync;

import java.util.Map;
import org.syncbridge.persistence.pim.ItemClass;

/** One PIM item read by its collection and ServerId, outside a Sync. */
public record FetchResult(Status status, ItemClass itemClass, Map<String, Object> properties) {

    public enum Status {
        OK,
        /** The collection or the item is unknown to the user. */
        NOT_FOUND,
        /** The collection is one of the user's mail folders, which this lookup does not serve. */
        MAIL
    }

    static FetchResult refused(Status status) {
        return new FetchResult(status, null, null);
    }
}
