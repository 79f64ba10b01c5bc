package org.syncbridge.pim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeBusyTest {
    static final Instant DAY = Instant.parse("2026-03-09T00:00:00Z");

    @Test
    void aWeeklySeriesWithAMovedAndADeletedOccurrence() {
        Map<String, Object> weekly = Map.of("startTime", "2026-03-02T08:00:00Z", "endTime", "2026-03-02T09:00:00Z",
                "timeZone", "Europe/Berlin", "busyStatus", "2", "recurrence.type", "1", "recurrence.dayOfWeek", "2",
                "exceptions", List.of(Map.of("exceptionStartTime", "2026-03-09T08:00:00Z", "startTime", "2026-03-09T10:00:00Z",
                        "endTime", "2026-03-09T11:00:00Z", "busyStatus", "1"),
                        Map.of("exceptionStartTime", "2026-03-16T08:00:00Z", "deleted", "1")));
        // Monday 9 March in hours: moved from 08-09 to 10-11 and tentative
        assertEquals("000000000010000000000000", FreeBusy.merged(List.of(weekly), DAY, DAY.plus(Duration.ofDays(1)), Duration.ofHours(1)));
        // Monday 16 March: deleted; 23 March: as planned; 30 March: 09:00 summer time is 07:00 UTC
        assertEquals("0".repeat(24), FreeBusy.merged(List.of(weekly), DAY.plus(Duration.ofDays(7)), DAY.plus(Duration.ofDays(8)), Duration.ofHours(1)));
        assertEquals("000000002000000000000000", FreeBusy.merged(List.of(weekly), DAY.plus(Duration.ofDays(14)), DAY.plus(Duration.ofDays(15)), Duration.ofHours(1)));
        assertEquals("000000020000000000000000", FreeBusy.merged(List.of(weekly), DAY.plus(Duration.ofDays(21)), DAY.plus(Duration.ofDays(22)), Duration.ofHours(1)));
    }

    @Test
    void theStrongestStatusWinsPerInterval() {
        Map<String, Object> busy = Map.of("startTime", "2026-03-09T01:00:00Z", "endTime", "2026-03-09T03:00:00Z", "busyStatus", "2");
        Map<String, Object> oof = Map.of("startTime", "2026-03-09T02:30:00Z", "endTime", "2026-03-09T04:00:00Z", "busyStatus", "3");
        Map<String, Object> free = Map.of("startTime", "2026-03-09T00:00:00Z", "endTime", "2026-03-09T06:00:00Z", "busyStatus", "0");
        assertEquals("023300", FreeBusy.merged(List.of(busy, oof, free), DAY, DAY.plus(Duration.ofHours(6)), Duration.ofHours(1)));
    }
}
