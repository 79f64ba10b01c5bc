package org.syncbridge.mail.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetingAnswersTest {
    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    static final Set<String> OWN = Set.of("bob@example.org");

    static Map<String, Object> received(String intended) {
        Map<String, Object> p = new HashMap<>();
        p.put("uid", "u1");
        p.put("startTime", "2026-01-15T09:00:00Z");
        p.put("endTime", "2026-01-15T10:00:00Z");
        p.put("meetingStatus", "3");
        p.put("responseType", "5");
        p.put("busyStatus", "1");
        p.put(MeetingItems.INTENDED_BUSY_STATUS, intended);
        p.put("attendees", List.of(Map.of("email", "Bob@example.org", "attendeeStatus", "5"),
                Map.of("email", "carol@example.org", "attendeeStatus", "5")));
        return p;
    }

    @SuppressWarnings("unchecked")
    static String statusOf(Map<String, Object> p, String email) {
        return ((List<Map<String, Object>>) p.get("attendees")).stream().filter(a -> email.equals(a.get("email"))).findFirst()
                .map(a -> String.valueOf(a.get("attendeeStatus"))).orElseThrow();
    }

    @Test
    void acceptingShowsTheOrganizersIntendedBusyStatusAndTheUsersOwnStatus() {
        Map<String, Object> p = MeetingAnswers.answered(received("3"), MeetingAnswer.ACCEPT, OWN, NOW);
        assertEquals("3", p.get("responseType"));
        assertEquals("3", p.get("busyStatus"), "out of office, as the organizer intends");
        assertEquals(NOW.toString(), p.get("appointmentReplyTime"));
        assertEquals("3", statusOf(p, "Bob@example.org"), "the user's address matches whatever its case");
        assertEquals("5", statusOf(p, "carol@example.org"), "the others as they were");
        assertEquals("3", p.get("meetingStatus"), "still a received meeting");
    }

    @Test
    void tentativeIsTentativeAndAFreeMeetingStaysFree() {
        Map<String, Object> p = MeetingAnswers.answered(received("2"), MeetingAnswer.TENTATIVE, OWN, NOW);
        assertEquals("2", p.get("responseType"));
        assertEquals("1", p.get("busyStatus"));
        assertEquals("0", MeetingAnswers.answered(received("0"), MeetingAnswer.ACCEPT, OWN, NOW).get("busyStatus"));
        assertEquals("0", MeetingAnswers.answered(received("0"), MeetingAnswer.TENTATIVE, OWN, NOW).get("busyStatus"));
    }

    @Test
    void anOccurrenceGetsAnExceptionThatKeepsWhereItWasMovedAndADeclinedOneIsDeleted() {
        Map<String, Object> series = received("2");
        series.put("recurrence.type", "1");
        series.put("exceptions", List.of(new HashMap<>(Map.of("exceptionStartTime", "2026-01-22T09:00:00Z",
                "startTime", "2026-01-23T09:00:00Z", "endTime", "2026-01-23T10:00:00Z"))));
        Map<String, Object> accepted = MeetingAnswers.occurrenceAnswered(series, "2026-01-22T09:00:00Z", MeetingAnswer.ACCEPT, OWN, NOW);
        Map<String, Object> moved = MeetingItems.exception(accepted, "2026-01-22T09:00:00Z");
        assertEquals("2026-01-23T09:00:00Z", moved.get("startTime"), "still moved");
        assertEquals("3", moved.get("responseType"));
        assertEquals("2", moved.get("busyStatus"));
        assertEquals("5", accepted.get("responseType"), "the series itself is not answered");

        Map<String, Object> declined = MeetingAnswers.occurrenceAnswered(series, "2026-01-29T09:00:00Z", MeetingAnswer.DECLINE, OWN, NOW);
        assertTrue(MeetingAnswers.occurrenceDeleted(declined, "2026-01-29T09:00:00Z"));
        assertEquals(2, ((List<?>) declined.get("exceptions")).size(), "the moved one stays");
    }

    @Test
    void userResponsesAreTheSpecsNumbers() {
        assertEquals(MeetingAnswer.ACCEPT, MeetingAnswer.ofUserResponse("1").orElseThrow());
        assertEquals(MeetingAnswer.TENTATIVE, MeetingAnswer.ofUserResponse("2").orElseThrow());
        assertEquals(MeetingAnswer.DECLINE, MeetingAnswer.ofUserResponse("3").orElseThrow());
        assertTrue(MeetingAnswer.ofUserResponse("4").isEmpty());
        assertTrue(MeetingAnswer.ofUserResponse(null).isEmpty());
    }
}
