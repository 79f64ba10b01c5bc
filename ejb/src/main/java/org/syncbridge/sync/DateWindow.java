package org.syncbridge.sync;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.syncbridge.persistence.pim.PimItem;
import org.syncbridge.pim.ItemProperties;

/**
 * A client's date window (FilterType) moving: when its start moves later, the unchanged appointments that
 * ended in between leave the device (SoftDelete); when it moves earlier, those that ended in between
 * arrive. Found by an index range on the items' span end, so the cost follows the items that move.
 */
final class DateWindow {
    /** Before any appointment: the start of a window that has none. */
    static final Instant DAWN = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * What moving the window brought.
     *
     * @param reached the window start the device now has: the target, or a step towards it when {@code more}
     */
    record Moved(List<ServerChange> changes, Instant reached, boolean more) {
    }

    private DateWindow() {
    }

    /** Whether an appointment that ends at {@code spanEnd} lies before the window starting at {@code start}. */
    static boolean before(Instant spanEnd, Instant start) {
        return start != null && spanEnd != null && spanEnd.isBefore(start);
    }

    /** How many unchanged items moving the window from {@code from} to {@code to} would send. */
    static long count(EntityManager em, long folderId, long upTo, Instant from, Instant to) {
        boolean narrows = to != null && (from == null || to.isAfter(from));
        boolean widens = from != null && (to == null || to.isBefore(from));
        if (!narrows && !widens) {
            return 0;
        }
        return em.createNamedQuery(PimItem.COUNT_SPAN_BETWEEN, Long.class).setParameter("folder", folderId).setParameter("upTo", upTo)
                .setParameter("from", narrows ? (from == null ? DAWN : from) : (to == null ? DAWN : to))
                .setParameter("to", narrows ? to : from).getSingleResult();
    }

    /** Moves the window from {@code from} to {@code to} (null: no window) over the items written up to {@code upTo}. */
    static Moved move(EntityManager em, long folderId, long upTo, Instant from, Instant to, int room) {
        boolean narrows = to != null && (from == null || to.isAfter(from));
        boolean widens = from != null && (to == null || to.isBefore(from));
        if (!narrows && !widens) {
            return new Moved(List.of(), to, false);
        }
        List<PimItem> items = em.createNamedQuery(narrows ? PimItem.LEAVING_WINDOW : PimItem.ENTERING_WINDOW, PimItem.class)
                .setParameter("folder", folderId).setParameter("upTo", upTo)
                .setParameter("from", narrows ? (from == null ? DAWN : from) : (to == null ? DAWN : to))
                .setParameter("to", narrows ? to : from)
                .setMaxResults(Math.max(room, 0) + 1).getResultList();
        List<ServerChange> changes = new ArrayList<>();
        for (PimItem item : items.subList(0, Math.min(items.size(), Math.max(room, 0)))) {
            changes.add(narrows ? new ServerChange(ServerChange.Kind.SOFT_DELETE, String.valueOf(item.getId()), null)
                    : new ServerChange(ServerChange.Kind.ADD, String.valueOf(item.getId()), ItemProperties.fromJson(item.getProperties())));
        }
        if (items.size() <= Math.max(room, 0)) {
            return new Moved(changes, to, false);
        }
        // the rest next time; items sharing the boundary's span end may come twice, never not at all
        Instant boundary = items.get(Math.max(room, 0)).getSpanEnd();
        return new Moved(changes, narrows ? boundary : boundary.plusNanos(1000), true);
    }
}
