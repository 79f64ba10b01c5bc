package org.syncbridge.mail.meeting;

import java.util.Map;

/**
 * What answering a meeting did to the user's calendar.
 *
 * @param appointment the meeting's appointment afterwards; null when the answer removed it (a declined meeting)
 * @param meeting     the appointment's properties before the answer (for the answer mail); null unless answered
 */
public record Answered(Outcome outcome, AppointmentRef appointment, Map<String, Object> meeting) {

    public enum Outcome {
        /** The appointment (or the one occurrence) shows the answer. */
        ANSWERED,
        /** A declined meeting was deleted from the calendar, as Exchange deletes it. */
        REMOVED,
        /** No appointment of a meeting someone else organizes: unknown, the user's own meeting, or no meeting at all. */
        NOT_A_MEETING,
        /** The occurrence named is not one the series has (not a series, or the occurrence was deleted). */
        NO_SUCH_OCCURRENCE
    }

    static Answered refused(Outcome outcome) {
        return new Answered(outcome, null, null);
    }
}
