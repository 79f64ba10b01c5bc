package org.syncbridge.mail.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.message.Invitation;

class MeetingItemsTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Set<String> ANN = Set.of("ann@example.com");

    static String fixture(String name) {
        try (InputStream in = MeetingItemsTest.class.getResourceAsStream("/imip/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("fixture " + name, e);
        }
    }

    static Invitation invitation(String text) {
        return Invitation.parse(text, BERLIN).orElseThrow();
    }

    static List<Map<String, Object>> attendees(Map<String, Object> appointment) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) appointment.get("attendees");
        return list;
    }

    static Map<String, Object> attendee(Map<String, Object> appointment, String email) {
        return attendees(appointment).stream().filter(a -> email.equals(a.get("email"))).findFirst().orElseThrow();
    }

    @Test
    void aRequestIsAReceivedMeetingWaitingForTheAnswer() {
        Map<String, Object> p = MeetingItems.requested(invitation(fixture("exchange-request.ics")), ANN, null);
        assertEquals("040000008200E00074C5B7101A82E00800000000E040C9C12685C4010000000000000000100000000BF0ED4B6E4EE94E9E39E3867B378EF3",
                p.get("uid"));
        assertEquals("Quarterly planning", p.get("subject"));
        assertEquals("2025-07-10T08:00:00Z", p.get("startTime"), "10:00 W. Europe Standard Time in summer");
        assertEquals("2025-07-10T09:30:00Z", p.get("endTime"));
        assertEquals("Europe/Berlin", p.get("timeZone"));
        assertEquals("0", p.get("allDayEvent"));
        assertEquals("Room 4.12, Building A", p.get("location"));
        assertEquals("3", p.get("meetingStatus"), "a received meeting");
        assertEquals("5", p.get("responseType"), "not responded");
        assertEquals("1", p.get("busyStatus"), "tentative until answered");
        assertEquals("2", p.get(MeetingItems.INTENDED_BUSY_STATUS), "busy once accepted");
        assertEquals("john.doe@example.com", p.get("organizerEmail"));
        assertEquals("Doe, John", p.get("organizerName"));
        assertEquals("1", p.get("responseRequested"));
        assertEquals("0", p.get(MeetingItems.SEQUENCE));
        assertEquals(List.of("ann@example.com", "bob@example.com"), attendees(p).stream().map(a -> a.get("email")).toList());
        assertEquals("5", attendee(p, "ann@example.com").get("attendeeStatus"));
        assertEquals("2", attendee(p, "bob@example.com").get("attendeeType"), "OPT-PARTICIPANT");
        assertFalse(p.containsKey("recurrence.type"));
    }

    @Test
    void anUpdateKeepsTheAnswerOnlyWhileTheTimesStay() {
        String request = fixture("exchange-request.ics");
        Map<String, Object> accepted = new HashMap<>(MeetingItems.requested(invitation(request), ANN, null));
        accepted.put("responseType", "3");
        accepted.put("busyStatus", "2");
        accepted.put("appointmentReplyTime", "2025-07-02T10:00:00Z");
        accepted.put("reminder", "30"); // the user's own alarm
        attendee(accepted, "ann@example.com").put("attendeeStatus", "3");

        String moved = request.replace("SEQUENCE:0", "SEQUENCE:1").replace("Room 4.12\\, Building A", "Room 5");
        Map<String, Object> sameTimes = MeetingItems.requested(invitation(moved), ANN, accepted);
        assertEquals("Room 5", sameTimes.get("location"));
        assertEquals("3", sameTimes.get("responseType"), "still accepted");
        assertEquals("2", sameTimes.get("busyStatus"));
        assertEquals("2025-07-02T10:00:00Z", sameTimes.get("appointmentReplyTime"));
        assertEquals("3", attendee(sameTimes, "ann@example.com").get("attendeeStatus"));
        assertEquals("30", sameTimes.get("reminder"));
        assertEquals("1", sameTimes.get(MeetingItems.SEQUENCE));

        Map<String, Object> later = MeetingItems.requested(invitation(moved.replace("20250710T100000", "20250710T120000")
                .replace("20250710T113000", "20250710T133000")), ANN, accepted);
        assertEquals("2025-07-10T10:00:00Z", later.get("startTime"));
        assertEquals("5", later.get("responseType"), "asked again: the times changed");
        assertEquals("1", later.get("busyStatus"));
        assertNull(later.get("appointmentReplyTime"));
        assertEquals("5", attendee(later, "ann@example.com").get("attendeeStatus"));
    }

    @Test
    void aSeriesWithAMovedAndALeftOutOccurrenceAndARoom() {
        Map<String, Object> p = MeetingItems.requested(invitation(fixture("exchange-series.ics")), ANN, null);
        assertEquals("1", p.get("recurrence.type"));
        assertEquals("4", p.get("recurrence.dayOfWeek"), "Tuesdays");
        assertEquals("10", p.get("recurrence.occurrences"));
        assertEquals("15", p.get("reminder"), "minutes (MS-ASCAL Reminder)");
        assertEquals("3", attendee(p, "room412@example.com").get("attendeeType"), "CUTYPE=RESOURCE");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exceptions = (List<Map<String, Object>>) p.get("exceptions");
        assertEquals(2, exceptions.size());
        assertEquals(Map.of("exceptionStartTime", "2026-01-27T09:00:00Z", "deleted", "1"), exceptions.get(0));
        assertEquals("2026-02-03T09:00:00Z", exceptions.get(1).get("exceptionStartTime"));
        assertEquals("2026-02-03T13:00:00Z", exceptions.get(1).get("startTime"));
        assertEquals("Weekly review (long)", exceptions.get(1).get("subject"));
    }

    @Test
    void oneOccurrenceIsChangedOrCancelledWithinItsSeries() {
        String series = fixture("exchange-series.ics");
        Map<String, Object> accepted = new HashMap<>(MeetingItems.requested(invitation(series), ANN, null));
        accepted.put("responseType", "3");
        accepted.remove("exceptions");
        String occurrence = series.replaceFirst("(?s)BEGIN:VEVENT.*?END:VEVENT\r\n", "").replace("SEQUENCE:0", "SEQUENCE:1");
        Map<String, Object> changed = MeetingItems.occurrenceRequested(accepted, invitation(occurrence), ANN);
        Map<String, Object> moved = MeetingItems.exception(changed, "2026-02-03T09:00:00Z");
        assertEquals("2026-02-03T13:00:00Z", moved.get("startTime"));
        assertEquals("5", moved.get("responseType"), "moved: asked again for this occurrence");
        assertEquals("3", changed.get("responseType"), "the series stays accepted");
        assertEquals("1", changed.get("recurrence.type"));

        String sameTime = occurrence.replace("20260203T140000", "20260203T100000").replace("20260203T160000", "20260203T110000");
        Map<String, Object> renamed = MeetingItems.exception(MeetingItems.occurrenceRequested(accepted, invitation(sameTime), ANN),
                "2026-02-03T09:00:00Z");
        assertEquals("Weekly review (long)", renamed.get("subject"));
        assertEquals("3", renamed.get("responseType"), "same times: the series' answer holds");

        Map<String, Object> cancelled = MeetingItems.occurrenceCancelled(changed,
                invitation(occurrence.replace("METHOD:REQUEST", "METHOD:CANCEL")));
        assertEquals("1", MeetingItems.exception(cancelled, "2026-02-03T09:00:00Z").get("deleted"));
    }

    @Test
    void aCancelledMeetingStaysFreeAndMarked() {
        Map<String, Object> p = MeetingItems.requested(invitation(fixture("exchange-request.ics")), ANN, null);
        Map<String, Object> c = MeetingItems.cancelled(p, invitation(fixture("exchange-cancel.ics")));
        assertEquals("7", c.get("meetingStatus"), "received and canceled");
        assertEquals("0", c.get("busyStatus"));
        assertEquals("Canceled: Quarterly planning", c.get("subject"));
        assertEquals(p.get("startTime"), c.get("startTime"));
    }

    @Test
    void aReplySetsTheAttendeesStatusOrAddsTheAttendee() {
        Map<String, Object> organizers = new HashMap<>(Map.of("uid", "u", "organizerEmail", "john.doe@example.com",
                "attendees", List.of(Map.of("email", "Ann.Example@gmail.com", "attendeeStatus", "5", "attendeeType", "1"),
                        Map.of("email", "bob@example.com", "attendeeStatus", "5", "attendeeType", "2"))));
        String reply = fixture("google-reply.ics");
        Map<String, Object> accepted = MeetingItems.replied(organizers, invitation(reply));
        assertEquals("3", attendee(accepted, "Ann.Example@gmail.com").get("attendeeStatus"));
        assertEquals("5", attendee(accepted, "bob@example.com").get("attendeeStatus"));
        Map<String, Object> declined = MeetingItems.replied(accepted, invitation(reply.replace("PARTSTAT=ACCEPTED", "PARTSTAT=DECLINED")));
        assertEquals("4", attendee(declined, "Ann.Example@gmail.com").get("attendeeStatus"));
        Map<String, Object> forwarded = MeetingItems.replied(organizers, invitation(reply.replace("ann.example@gmail.com", "carl@example.net")
                .replace("CN=ann.ex\r\n ample@gmail.com", "CN=Carl")));
        assertEquals(3, attendees(forwarded).size());
        assertEquals("3", attendee(forwarded, "carl@example.net").get("attendeeStatus"));
    }

    @Test
    void aBookingThatIsAcceptedAlreadyIsShownAccepted() {
        Map<String, Object> p = MeetingItems.requested(invitation(fixture("floating.ics")), ANN, null);
        assertEquals("3", p.get("responseType"), "PARTSTAT=ACCEPTED, RSVP=FALSE");
        assertEquals("2", p.get("busyStatus"));
        assertEquals("0", p.get("responseRequested"));
        assertEquals("2025-07-10T08:00:00Z", p.get("startTime"), "floating 10:00, read in the default zone");
    }
}
