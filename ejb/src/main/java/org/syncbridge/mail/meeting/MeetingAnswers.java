package org.syncbridge.mail.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncbridge.pim.Occurrences;

/**
 * A received meeting as the user's answer leaves it (MS-ASCAL, as Exchange keeps an attendee's copy): accepted, it
 * shows the organizer's intended BusyStatus; tentative, BusyStatus tentative; both with ResponseType and
 * AppointmentReplyTime, and the user's own AttendeeStatus among the attendees. A declined meeting leaves the calendar
 * (the caller deletes it); a declined occurrence is deleted from its series. Pure functions of their arguments.
 */
final class MeetingAnswers {
    private static final String TENTATIVE_BUSY = "1";
    private static final String BUSY = "2";

    private MeetingAnswers() {
    }

    /** The whole meeting answered with {@code answer} (accept or tentative) at {@code now}. */
    static Map<String, Object> answered(Map<String, Object> appointment, MeetingAnswer answer, Set<String> own, Instant now) {
        Map<String, Object> p = new HashMap<>(appointment);
        p.putAll(fields(appointment, answer, own, now));
        return p;
    }

    /**
     * The series with the occurrence that starts at {@code originalStart} answered: an exception of its own that keeps
     * what the occurrence already had (a moved occurrence stays moved); declined, the occurrence is deleted.
     */
    static Map<String, Object> occurrenceAnswered(Map<String, Object> series, String originalStart, MeetingAnswer answer,
                                                  Set<String> own, Instant now) {
        if (answer == MeetingAnswer.DECLINE) {
            return Occurrences.deleted(series, originalStart);
        }
        Map<String, Object> before = MeetingItems.exception(series, originalStart);
        Map<String, Object> fields = new HashMap<>(before == null ? Map.of() : before);
        fields.remove("deleted");
        Map<String, Object> shown = new HashMap<>(series);
        shown.putAll(fields);
        fields.putAll(fields(shown, answer, own, now));
        return Occurrences.changed(series, originalStart, fields);
    }

    /** Whether the series has its occurrence at {@code originalStart} deleted already. */
    static boolean occurrenceDeleted(Map<String, Object> series, String originalStart) {
        Map<String, Object> e = MeetingItems.exception(series, originalStart);
        return e != null && "1".equals(String.valueOf(e.get("deleted")));
    }

    private static Map<String, Object> fields(Map<String, Object> shown, MeetingAnswer answer, Set<String> own, Instant now) {
        Map<String, Object> f = new HashMap<>();
        f.put("responseType", answer.responseType);
        Object intended = shown.get(MeetingItems.INTENDED_BUSY_STATUS);
        f.put("busyStatus", answer == MeetingAnswer.ACCEPT ? (intended == null ? BUSY : String.valueOf(intended))
                : "0".equals(String.valueOf(intended)) ? "0" : TENTATIVE_BUSY); // free stays free
        f.put("appointmentReplyTime", now.toString());
        if (shown.get("attendees") instanceof List<?> attendees) {
            List<Object> updated = new ArrayList<>();
            for (Object a : attendees) {
                if (a instanceof Map<?, ?> m && own.contains(String.valueOf(m.get("email")).toLowerCase(java.util.Locale.ROOT))) {
                    Map<String, Object> mine = new HashMap<>();
                    m.forEach((k, v) -> mine.put(String.valueOf(k), v));
                    mine.put("attendeeStatus", answer.responseType);
                    updated.add(mine);
                } else {
                    updated.add(a);
                }
            }
            f.put("attendees", updated);
        }
        return f;
    }
}
