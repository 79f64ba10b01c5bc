package org.syncbridge.pim;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.syncbridge.persistence.pim.PimItem;

/** When a user is free, from the appointments in their own calendars (ResolveRecipients' Availability). */
@Stateless
public class Availability {

    @PersistenceContext
    EntityManager em;

    /** The user's merged free/busy string from {@code start} to {@code end}, one digit per {@code interval}. */
    public String mergedFreeBusy(long userId, Instant start, Instant end, Duration interval) {
        List<Map<String, Object>> appointments = em.createNamedQuery(PimItem.OWN_APPOINTMENTS_FROM, PimItem.class)
                .setParameter("owner", userId).setParameter("from", start).getResultStream()
                .map(i -> ItemProperties.fromJson(i.getProperties())).toList();
        return FreeBusy.merged(appointments, start, end, interval);
    }
}
