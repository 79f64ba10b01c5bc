package org.syncbridge.mail.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrganizedMeetingTest {
    static final Set<String> ALICE = Set.of("alice@example.org");

    /** What alice's phone sends: no organizer, no SEQUENCE. */
    static Map<String, Object> fromPhone() {
        Map<String, Object> p = new HashMap<>(ImipRequestTest.meeting());
        p.remove("organizerEmail");
        p.remove("organizerName");
        p.remove(OrganizedMeeting.SEQUENCE);
        return p;
    }

    static Map<String, Object> stored(Map<String, Object> before, Map<String, Object> after) {
        return OrganizedMeeting.stored(before, after, ALICE, "alice@example.org", "Alice");
    }

    @Test
    void aNewMeetingGetsItsOrganizerAndSequenceZeroAndInvitesEveryAttendee() {
        Map<String, Object> added = stored(null, fromPhone());
        assertEquals("alice@example.org", added.get("organizerEmail"));
        assertEquals("0", added.get(OrganizedMeeting.SEQUENCE));
        List<OrganizedMeeting.Notice> notices = OrganizedMeeting.notices(null, added, ALICE);
        assertEquals(1, notices.size());
        assertEquals("REQUEST", notices.get(0).method());
        assertEquals(3, ImipRequest.attendees(notices.get(0).meeting()).size());
    }

    @Test
    void aMoveRaisesTheSequenceAndInvitesAgain() {
        Map<String, Object> before = stored(null, fromPhone());
        Map<String, Object> moved = new HashMap<>(before);
        moved.put("startTime", "2026-05-07T12:00:00Z");
        moved.put("endTime", "2026-05-07T13:00:00Z");
        Map<String, Object> after = stored(before, moved);
        assertEquals("1", after.get(OrganizedMeeting.SEQUENCE));
        List<OrganizedMeeting.Notice> notices = OrganizedMeeting.notices(before, after, ALICE);
        assertEquals(List.of("REQUEST"), notices.stream().map(OrganizedMeeting.Notice::method).toList());
    }

    @Test
    void anAlarmOrBusyStatusChangeTellsNoOne() {
        Map<String, Object> before = stored(null, fromPhone());
        Map<String, Object> alarm = new HashMap<>(before);
        alarm.put("reminder", "30");
        alarm.put("busyStatus", "2");
        alarm.put("startTime", "2026-05-07T08:00:00.000Z"); // the same instant written otherwise
        Map<String, Object> after = stored(before, alarm);
        assertEquals("0", after.get(OrganizedMeeting.SEQUENCE));
        assertEquals(List.of(), OrganizedMeeting.notices(before, after, ALICE));
    }

    @Test
    void aRemovedAttendeeGetsACancelAndTheOthersTheUpdate() {
        Map<String, Object> before = stored(null, fromPhone());
        Map<String, Object> fewer = new HashMap<>(before);
        fewer.put("attendees", List.of(Map.of("email", "Bob@example.org", "name", "Bob", "attendeeType", "1")));
        Map<String, Object> after = stored(before, fewer);
        List<OrganizedMeeting.Notice> notices = OrganizedMeeting.notices(before, after, ALICE);
        assertEquals(List.of("REQUEST", "CANCEL"), notices.stream().map(OrganizedMeeting.Notice::method).toList());
        assertEquals(List.of("Bob@example.org"), ImipRequest.attendees(notices.get(0).meeting()).stream().map(a -> a.get("email")).toList());
        assertEquals(List.of("carol@example.org", "room4@example.org"),
                ImipRequest.attendees(notices.get(1).meeting()).stream().map(a -> a.get("email")).toList());
        assertEquals(1, OrganizedMeeting.sequence(notices.get(1).meeting()));
    }

    @Test
    void aDeletedMeetingIsCancelledForAllWithAHigherSequence() {
        Map<String, Object> before = stored(null, fromPhone());
        List<OrganizedMeeting.Notice> notices = OrganizedMeeting.notices(before, null, ALICE);
        assertEquals(1, notices.size());
        assertEquals("CANCEL", notices.get(0).method());
        assertEquals(1, OrganizedMeeting.sequence(notices.get(0).meeting()));
        assertEquals(3, ImipRequest.attendees(notices.get(0).meeting()).size());
    }

    @Test
    void aMeetingSomeoneElseOrganizesIsNeverAnnounced() {
        Map<String, Object> received = new HashMap<>(ImipRequestTest.meeting());
        received.put("organizerEmail", "erika@example.com");
        Map<String, Object> moved = new HashMap<>(received);
        moved.put("startTime", "2026-05-07T12:00:00Z");
        assertSame(moved, stored(received, moved));
        assertEquals(List.of(), OrganizedMeeting.notices(received, moved, ALICE));
        assertEquals(List.of(), OrganizedMeeting.notices(received, null, ALICE));
        Map<String, Object> flagged = new HashMap<>(fromPhone());
        flagged.put("meetingStatus", "3"); // received, by MeetingStatus alone
        assertEquals(List.of(), OrganizedMeeting.notices(null, stored(null, flagged), ALICE));
    }

    @Test
    void anAppointmentWithoutAttendeesIsNoMeeting() {
        Map<String, Object> alone = fromPhone();
        alone.remove("attendees");
        assertSame(alone, stored(null, alone));
        assertTrue(OrganizedMeeting.notices(null, alone, ALICE).isEmpty());
    }

    @Test
    void theOrganizerAmongTheAttendeesIsNotInvited() {
        Map<String, Object> p = fromPhone();
        p.put("attendees", List.of(Map.of("email", "ALICE@example.org"), Map.of("email", "bob@example.org")));
        List<OrganizedMeeting.Notice> notices = OrganizedMeeting.notices(null, stored(null, p), ALICE);
        assertEquals(List.of("bob@example.org"), ImipRequest.attendees(notices.get(0).meeting()).stream().map(a -> a.get("email")).toList());
    }
}
