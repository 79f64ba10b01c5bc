package org.syncbridge.pim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppointmentsTest {

    @Test
    void aCountedSeriesEndsWithItsLastOccurrenceInLocalTime() {
        Map<String, Object> weekly = new HashMap<>(Map.of("startTime", "2026-03-02T08:00:00Z", "endTime", "2026-03-02T09:00:00Z",
                "timeZone", "Europe/Berlin", "recurrence.type", "1", "recurrence.dayOfWeek", "2", "recurrence.occurrences", "10"));
        // the tenth Monday is 4 May, 09:00 summer time = 07:00 UTC
        assertEquals(Optional.of(Instant.parse("2026-05-04T08:00:00Z")), Appointments.spanEnd(weekly));
        weekly.put("exceptions", List.of(Map.of("exceptionStartTime", "2026-05-04T07:00:00Z", "startTime", "2026-06-01T07:00:00Z",
                "endTime", "2026-06-01T08:00:00Z")));
        assertEquals(Optional.of(Instant.parse("2026-06-01T08:00:00Z")), Appointments.spanEnd(weekly), "a moved occurrence ends later");
    }

    @Test
    void theLastFridayOfTheMonthAndEndlessSeries() {
        Map<String, Object> monthly = Map.of("startTime", "2026-01-30T21:00:00Z", "endTime", "2026-01-30T21:30:00Z",
                "timeZone", "America/New_York", "recurrence.type", "3", "recurrence.weekOfMonth", "5", "recurrence.dayOfWeek", "32",
                "recurrence.occurrences", "3");
        assertEquals(Optional.of(Instant.parse("2026-03-27T20:30:00Z")), Appointments.spanEnd(monthly), "27 March, 16:30 EDT");
        assertEquals(Optional.empty(), Appointments.spanEnd(Map.of("startTime", "2026-01-01T00:00:00Z", "recurrence.type", "0")));
        assertEquals(Optional.of(Instant.parse("2026-01-01T01:00:00Z")),
                Appointments.spanEnd(Map.of("startTime", "2026-01-01T00:00:00Z", "endTime", "2026-01-01T01:00:00Z")));
    }

    @Test
    void anAllDayEventRunsFromMidnightToMidnightInItsZone() {
        Map<String, Object> sloppy = Appointments.normalized(Map.of("allDayEvent", "1", "timeZone", "Australia/Sydney",
                "startTime", "2026-04-05T02:00:00Z", "endTime", "2026-04-05T02:00:00Z"));
        assertEquals("2026-04-04T13:00:00Z", sloppy.get("startTime"), "midnight of 5 April, still summer time (+11)");
        assertEquals("2026-04-05T14:00:00Z", sloppy.get("endTime"), "midnight of 6 April, standard time (+10)");
        assertTrue(((String) sloppy.get("uid")).length() > 20, "an appointment always has a UID");
        Map<String, Object> exact = Map.of("allDayEvent", "1", "timeZone", "Asia/Kolkata", "uid", "u1",
                "startTime", "2026-03-28T18:30:00Z", "endTime", "2026-03-29T18:30:00Z");
        assertEquals(exact, Appointments.normalized(exact));
    }

    @Test
    void anOccurrenceIsChangedOrDeletedByItsOriginalStart() {
        Map<String, Object> series = Map.of("subject", "S", "exceptions", List.of(Map.of("exceptionStartTime", "2026-03-09T08:00:00Z", "subject", "x")));
        Map<String, Object> changed = Occurrences.changed(series, "2026-03-09T08:00:00.000Z", Map.of("subject", "y", "recurrence.type", "1"));
        assertEquals(List.of(Map.of("exceptionStartTime", "2026-03-09T08:00:00.000Z", "subject", "y")), changed.get("exceptions"));
        Map<String, Object> deleted = Occurrences.deleted(changed, "2026-03-16T08:00:00Z");
        assertEquals(2, ((List<?>) deleted.get("exceptions")).size());
    }
}
