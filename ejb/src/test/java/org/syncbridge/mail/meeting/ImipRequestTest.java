package org.syncbridge.mail.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.message.Invitation;

class ImipRequestTest {
    static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

    /** Alice's meeting as her 16.1 phone stores it: Berlin time, Bob required, Carol optional, a room. */
    static Map<String, Object> meeting() {
        Map<String, Object> p = new HashMap<>();
        p.put("uid", "A1B2C3");
        p.put("subject", "Budget review");
        p.put("location", "Room 4");
        p.put("startTime", "2026-05-07T08:00:00Z");
        p.put("endTime", "2026-05-07T09:00:00Z");
        p.put("timeZone", "Europe/Berlin");
        p.put("organizerEmail", "alice@example.org");
        p.put("organizerName", "Alice");
        p.put(OrganizedMeeting.SEQUENCE, "3");
        p.put("attendees", List.of(
                Map.of("email", "bob@example.org", "name", "Bob", "attendeeType", "1"),
                Map.of("email", "carol@example.org", "attendeeType", "2"),
                Map.of("email", "room4@example.org", "name", "Room 4", "attendeeType", "3")));
        return p;
    }

    @Test
    void aRequestIsInTheMeetingsZoneWithItsDefinitionAndAsksEveryAttendeeToAnswer() {
        String ical = ImipRequest.icalendar("REQUEST", meeting(), NOW);
        assertTrue(ical.contains("DTSTART;TZID=Europe/Berlin:20260507T100000"), ical);
        assertTrue(ical.contains("DTEND;TZID=Europe/Berlin:20260507T110000"), ical);
        assertTrue(ical.contains("BEGIN:VTIMEZONE") && ical.contains("TZID:Europe/Berlin"), ical);
        assertTrue(ical.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"), "daylight saving from the last Sunday of March: " + ical);
        assertTrue(ical.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"), ical);
        Invitation request = Invitation.parse(ical).orElseThrow();
        assertEquals("REQUEST", request.method());
        assertEquals("A1B2C3", request.uid());
        assertEquals(3, request.sequence());
        assertEquals(Instant.parse("2026-05-07T08:00:00Z"), request.start());
        assertEquals(ZoneId.of("Europe/Berlin"), request.zone());
        assertEquals("alice@example.org", request.organizer());
        assertEquals("Room 4", request.location());
        assertEquals(3, request.attendees().size());
        Invitation.Attendee bob = request.attendees().get(0);
        assertEquals("bob@example.org", bob.address());
        assertEquals("REQ-PARTICIPANT", bob.role());
        assertEquals("NEEDS-ACTION", bob.partStat());
        assertEquals(Boolean.TRUE, bob.rsvp());
        assertEquals("OPT-PARTICIPANT", request.attendees().get(1).role());
        assertEquals("RESOURCE", request.attendees().get(2).cuType());
    }

    @Test
    void aZoneWithoutDaylightSavingGetsItsOneOffset() {
        Map<String, Object> m = meeting();
        m.put("timeZone", "Asia/Kolkata");
        String ical = ImipRequest.icalendar("REQUEST", m, NOW);
        assertTrue(ical.contains("DTSTART;TZID=Asia/Kolkata:20260507T133000"), ical);
        assertTrue(ical.contains("TZOFFSETTO:+0530"), ical);
        assertFalse(ical.contains("BEGIN:DAYLIGHT"), ical);
        assertEquals(Instant.parse("2026-05-07T08:00:00Z"), Invitation.parse(ical).orElseThrow().start());
    }

    @Test
    void newYorksRulesAreTheSecondSundayOfMarchAndTheFirstOfNovember() {
        Map<String, Object> m = meeting();
        m.put("timeZone", "America/New_York");
        String ical = ImipRequest.icalendar("REQUEST", m, NOW);
        assertTrue(ical.contains("DTSTART;TZID=America/New_York:20260507T040000"), ical);
        assertTrue(ical.contains("BYMONTH=3;BYDAY=2SU"), ical);
        assertTrue(ical.contains("BYMONTH=11;BYDAY=1SU"), ical);
    }

    @Test
    void aSeriesCarriesItsRuleRemovedOccurrencesAndChangedOnes() {
        Map<String, Object> m = meeting();
        m.put("recurrence.type", "1");
        m.put("recurrence.dayOfWeek", "16"); // Thursday
        m.put("recurrence.until", "2026-06-25T08:00:00Z");
        m.put("exceptions", List.of(
                Map.of("exceptionStartTime", "2026-05-14T08:00:00Z", "deleted", "1"),
                Map.of("exceptionStartTime", "2026-05-21T08:00:00Z", "startTime", "2026-05-21T12:00:00Z",
                        "endTime", "2026-05-21T13:00:00Z", "reminder", "15")));
        String ical = ImipRequest.icalendar("REQUEST", m, NOW);
        assertTrue(ical.contains("RRULE:FREQ=WEEKLY;") && ical.contains("UNTIL=20260625T080000Z") && ical.contains("BYDAY=TH"), ical);
        assertTrue(ical.contains("\nVERSION:2.0\r"), ical);
        Invitation series = Invitation.parse(ical).orElseThrow();
        assertEquals(List.of(Instant.parse("2026-05-14T08:00:00Z")), series.exceptionDates());
        assertEquals(1, series.overrides().size());
        Invitation moved = series.overrides().get(0);
        assertEquals(Instant.parse("2026-05-21T08:00:00Z"), moved.recurrenceId());
        assertEquals(Instant.parse("2026-05-21T12:00:00Z"), moved.start());
        assertTrue(ical.contains("RECURRENCE-ID;TZID=Europe/Berlin:20260521T100000"), ical);
    }

    @Test
    void aCancellationNamesTheMeetingAndAsksNothing() {
        Map<String, Object> m = meeting();
        m.put("attendees", List.of(Map.of("email", "bob@example.org", "name", "Bob", "attendeeType", "1")));
        String ical = ImipRequest.icalendar("CANCEL", m, NOW);
        Invitation cancel = Invitation.parse(ical).orElseThrow();
        assertEquals("CANCEL", cancel.method());
        assertEquals(3, cancel.sequence());
        assertTrue(ical.contains("STATUS:CANCELLED"), ical);
        assertFalse(ical.contains("RSVP"), ical);
        assertFalse(ical.contains("carol"), "only the attendee the cancellation is for: " + ical);
    }

    @Test
    void theMailGoesFromTheOrganizerToTheAttendees() {
        String mail = new String(ImipRequest.mail("CANCEL", meeting(), NOW), StandardCharsets.UTF_8);
        assertTrue(mail.contains("From: Alice <alice@example.org>"), mail);
        assertTrue(mail.contains("bob@example.org") && mail.contains("carol@example.org") && mail.contains("room4@example.org"), mail);
        assertTrue(mail.contains("Subject: Canceled: Budget review"), mail);
        assertTrue(mail.contains("text/calendar; charset=UTF-8; method=CANCEL"), mail);
    }
}
