package org.syncbridge.pim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppointmentChangeTest {
    static final Set<String> BOB = Set.of("bob@example.org", "Robert@Example.org");
    static final List<Map<String, Object>> ATTENDEES = List.of(
            Map.of("email", "bob@example.org", "name", "Bob", "attendeeType", "1"),
            Map.of("email", "carol@example.org", "name", "Carol", "attendeeType", "2"),
            Map.of("email", "room-1@example.org", "name", "Room 1", "attendeeType", "3"));
    static final List<Map<String, Object>> EXCEPTIONS = List.of(
            Map.of("exceptionStartTime", "2026-03-09T08:00:00Z", "startTime", "2026-03-10T09:00:00Z", "endTime", "2026-03-10T10:00:00Z"),
            Map.of("exceptionStartTime", "2026-03-23T08:00:00Z", "deleted", "1"));

    /** Alice's weekly meeting as it stands in Bob's calendar. */
    static Map<String, Object> received() {
        Map<String, Object> m = new HashMap<>(Map.of("uid", "M1", "subject", "Jour fixe", "location", "Room 1",
                "startTime", "2026-03-02T08:00:00Z", "endTime", "2026-03-02T09:00:00Z", "timeZone", "Europe/Berlin",
                "organizerEmail", "alice@example.org", "organizerName", "Alice", "meetingStatus", "3", "reminder", "15"));
        m.putAll(Map.of("recurrence.type", "1", "recurrence.interval", "1", "recurrence.dayOfWeek", "2", "recurrence.occurrences", "10",
                "attendees", ATTENDEES, "exceptions", EXCEPTIONS, "body", "Agenda", "busyStatus", "2"));
        return m;
    }

    /** What an iPhone sends when only the alarm changed: the series without Attendees and Exceptions. */
    static Map<String, Object> alarmOnly(String reminder) {
        Map<String, Object> m = new HashMap<>(received());
        m.remove("attendees");
        m.remove("exceptions");
        m.remove("body");
        m.put("reminder", reminder);
        m.put("dtStamp", "2026-02-20T10:00:00Z");
        return m;
    }

    /** What a 14.1 phone that declared nothing ghosted replaces: everything it can send. */
    static Set<String> all(Map<String, Object> sent) {
        Set<String> replaced = new HashSet<>(sent.keySet());
        replaced.addAll(Set.of("attendees", "exceptions", "body", "categories", "sensitivity", "reminder", "location", "busyStatus"));
        return replaced;
    }

    @Test
    void aMeetingIsSomeoneElsesWhenItsOrganizerIsNotTheOwnerOrItsStatusSaysReceived() {
        assertTrue(AppointmentChange.receivedBy(Map.of("organizerEmail", "alice@example.org"), BOB));
        assertFalse(AppointmentChange.receivedBy(Map.of("organizerEmail", "mailto:ROBERT@example.org"), BOB), "an alias, any case");
        assertFalse(AppointmentChange.receivedBy(Map.of("organizerEmail", "Bob <bob@example.org>", "meetingStatus", "1"), BOB));
        assertTrue(AppointmentChange.receivedBy(Map.of("meetingStatus", "11"), BOB), "the received bit");
        assertFalse(AppointmentChange.receivedBy(Map.of("subject", "Lunch"), BOB), "an appointment of one's own");
    }

    @Test
    void anAttendeesAlarmChangeKeepsAttendeesResourceExceptionsAndEverythingElseOfTheOrganizer() {
        Map<String, Object> sent = alarmOnly("5");
        AppointmentChange.Applied applied = AppointmentChange.apply(received(), sent, all(sent), BOB);
        Map<String, Object> expected = received();
        expected.put("reminder", "5");
        assertEquals(expected, applied.properties());
        assertFalse(applied.phoneOutdated(), "the phone shows the meeting as it is");
    }

    @Test
    void anAttendeeChangesOnlyTheirOwnPropertiesAndIsShownTheMeetingWhenTheyTriedMore() {
        Map<String, Object> sent = alarmOnly("15");
        sent.put("subject", "My subject");
        sent.put("startTime", "2026-03-02T10:00:00Z");
        sent.put("attendees", List.of(Map.of("email", "bob@example.org")));
        sent.put("busyStatus", "1");
        sent.put("categories", List.of("Blue"));
        sent.remove("reminder"); // at 14.1 a Reminder left out means none
        AppointmentChange.Applied applied = AppointmentChange.apply(received(), sent, all(sent), BOB);
        Map<String, Object> expected = received();
        expected.remove("reminder");
        expected.put("busyStatus", "1");
        expected.put("categories", List.of("Blue"));
        assertEquals(expected, applied.properties());
        assertTrue(applied.phoneOutdated());
    }

    @Test
    void atSixteenAnAttendeeSendsOnlyWhatChanged() {
        Map<String, Object> sent = Map.of("reminder", "30");
        AppointmentChange.Applied applied = AppointmentChange.apply(received(), sent, Set.of("reminder"), BOB);
        assertEquals("30", applied.properties().get("reminder"));
        assertEquals(ATTENDEES, applied.properties().get("attendees"));
        assertFalse(applied.phoneOutdated());
        assertNull(AppointmentChange.apply(received(), Map.of("reminder", ""), Set.of("reminder"), BOB).properties().get("reminder"),
                "an empty Reminder means none");
    }

    @Test
    void anAttendeeSetsTheirOwnPropertiesOfOccurrencesAndRemovesOccurrencesButKeepsTheOrganizersExceptions() {
        Map<String, Object> sent = alarmOnly("15");
        sent.put("exceptions", List.of(Map.of("exceptionStartTime", "2026-03-09T08:00:00Z", "reminder", "60", "subject", "Mine"),
                Map.of("exceptionStartTime", "2026-03-16T08:00:00Z", "deleted", "1", "startTime", "2026-03-17T08:00:00Z")));
        List<?> exceptions = (List<?>) AppointmentChange.apply(received(), sent, all(sent), BOB).properties().get("exceptions");
        assertEquals(Set.of(
                Map.of("exceptionStartTime", "2026-03-09T08:00:00Z", "startTime", "2026-03-10T09:00:00Z", "endTime", "2026-03-10T10:00:00Z",
                        "reminder", "60"),
                Map.of("exceptionStartTime", "2026-03-23T08:00:00Z", "deleted", "1"),
                Map.of("exceptionStartTime", "2026-03-16T08:00:00Z", "deleted", "1")), Set.copyOf(exceptions));
        Map<String, Object> occurrence = AppointmentChange.ofOccurrence(received(), Map.of("reminder", "5", "startTime", "2026-03-02T11:00:00Z"), BOB);
        assertEquals(Map.of("reminder", "5"), occurrence, "one occurrence at 16.x: the attendee's own properties only");
    }

    @Test
    void theOrganizersChangeReplacesWhatItManagesAndKeepsWhatItGhosts() {
        Map<String, Object> own = received();
        own.put("organizerEmail", "bob@example.org");
        own.put("meetingStatus", "1");
        Map<String, Object> sent = new HashMap<>(own);
        sent.remove("attendees");
        sent.remove("exceptions");
        sent.put("subject", "Renamed");
        Set<String> ghostingAttendees = new HashSet<>(all(sent));
        ghostingAttendees.remove("attendees");
        Map<String, Object> kept = AppointmentChange.apply(own, sent, ghostingAttendees, BOB).properties();
        assertEquals("Renamed", kept.get("subject"));
        assertEquals(ATTENDEES, kept.get("attendees"), "ghosted: kept");
        assertEquals(EXCEPTIONS, kept.get("exceptions"), "the same series keeps its exceptions when the phone leaves them out");
        assertNull(AppointmentChange.apply(own, sent, all(sent), BOB).properties().get("attendees"), "managed and left out: cleared");
        Map<String, Object> withoutUid = new HashMap<>(sent);
        withoutUid.remove("uid");
        assertEquals("M1", AppointmentChange.apply(own, withoutUid, all(sent), BOB).properties().get("uid"), "its identity stays");
    }

    @Test
    void aSeriesMovedOrGivenAnotherRuleLosesItsExceptionsUnlessThePhoneSendsThem() {
        Map<String, Object> own = received();
        own.put("organizerEmail", "bob@example.org");
        own.put("meetingStatus", "1");
        Map<String, Object> moved = new HashMap<>(own);
        moved.remove("exceptions");
        moved.put("startTime", "2026-03-02T09:00:00Z");
        moved.put("endTime", "2026-03-02T10:00:00Z");
        assertNull(AppointmentChange.apply(own, moved, all(moved), BOB).properties().get("exceptions"));
        Map<String, Object> otherRule = new HashMap<>(own);
        otherRule.remove("exceptions");
        otherRule.put("recurrence.dayOfWeek", "4");
        assertNull(AppointmentChange.apply(own, otherRule, all(otherRule), BOB).properties().get("exceptions"));
        Map<String, Object> sameTimesOtherNotation = new HashMap<>(own);
        sameTimesOtherNotation.remove("exceptions");
        sameTimesOtherNotation.put("startTime", "2026-03-02T08:00:00.000Z");
        assertEquals(EXCEPTIONS, AppointmentChange.apply(own, sameTimesOtherNotation, all(sameTimesOtherNotation), BOB).properties()
                .get("exceptions"));
        Map<String, Object> withOwn = new HashMap<>(moved);
        withOwn.put("exceptions", List.of(Map.of("exceptionStartTime", "2026-03-09T09:00:00Z", "deleted", "1")));
        assertEquals(withOwn.get("exceptions"), AppointmentChange.apply(own, withOwn, all(withOwn), BOB).properties().get("exceptions"));
    }
}
