package org.syncbridge.mail.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the calendar needs beyond the mail's MeetingRequest block: moved and left-out occurrences, resources. */
class InvitationSeriesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aSeriesCarriesItsMovedAndItsLeftOutOccurrences() {
        Invitation series = Invitation.parse(InvitationTest.fixture("exchange-series.ics"), ZoneId.of("UTC")).orElseThrow();
        assertNull(series.recurrenceId(), "the series is the invitation, not its occurrence");
        assertEquals(Instant.parse("2026-01-13T09:00:00Z"), series.start());
        assertEquals(BERLIN, series.zone());
        assertEquals(Map.of("type", "1", "dayOfWeek", "4", "interval", "1", "occurrences", "10", "firstDayOfWeek", "1"),
                series.recurrence().orElseThrow());
        assertEquals(List.of(Instant.parse("2026-01-27T09:00:00Z")), series.exceptionDates(), "EXDATE in its TZID");
        assertEquals(1, series.overrides().size());
        Invitation moved = series.overrides().get(0);
        assertEquals(Instant.parse("2026-02-03T09:00:00Z"), moved.recurrenceId());
        assertEquals(Instant.parse("2026-02-03T13:00:00Z"), moved.start());
        assertEquals("Weekly review (long)", moved.summary());
        assertTrue(moved.overrides().isEmpty());
        assertEquals("RESOURCE", series.attendees().get(1).cuType());
        assertEquals("2", series.intendedBusyStatus(), "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY");
        assertEquals("0", series.sensitivity());
    }

    @Test
    void severalLeftOutDatesInOneExdateAndOneThatCannotBeRead() {
        String text = InvitationTest.fixture("google-request.ics").replace("RRULE:FREQ=MONTHLY;BYDAY=2TH\r\n",
                "RRULE:FREQ=MONTHLY;BYDAY=2TH\r\nEXDATE;TZID=America/New_York:20260409T090000,20260514T090000\r\nEXDATE:garbage\r\n");
        Invitation i = Invitation.parse(text, BERLIN).orElseThrow();
        assertEquals(List.of(Instant.parse("2026-04-09T13:00:00Z"), Instant.parse("2026-05-14T13:00:00Z")), i.exceptionDates());
        assertTrue(i.overrides().isEmpty());
    }

    @Test
    void anInvitationToOneOccurrenceOnlyIsThatOccurrence() {
        Invitation i = Invitation.parse(InvitationTest.fixture("exchange-occurrence.ics"), BERLIN).orElseThrow();
        assertEquals(Instant.parse("2004-09-16T08:00:00Z"), i.recurrenceId());
        assertTrue(i.recurrence().isEmpty());
        assertTrue(i.overrides().isEmpty());
    }
}
