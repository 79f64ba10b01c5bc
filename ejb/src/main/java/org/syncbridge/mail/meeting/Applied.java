package org.syncbridge.mail.meeting;

import java.util.Optional;

/**
 * What applying one iMIP message to a user's calendar did, and the appointment of its meeting (UID) in the user's
 * calendars afterwards, if there is one (also when the message changed nothing).
 */
public record Applied(Outcome outcome, AppointmentRef appointment) {

    public enum Outcome {
        /** A REQUEST made a new appointment. */
        CREATED,
        /** A REQUEST with a higher SEQUENCE changed the appointment (or one occurrence of it). */
        UPDATED,
        /** A CANCEL marked the meeting canceled, or deleted the one occurrence it names. */
        CANCELED,
        /** A REPLY changed the answering attendee's status on the organizer's appointment. */
        REPLY_RECORDED,
        /** Applied before, or older than what was applied (SEQUENCE, or for a REPLY its DTSTAMP): nothing changed. */
        OUTDATED,
        /** A CANCEL or REPLY for a meeting the user's calendars do not hold. */
        UNKNOWN_MEETING,
        /** Not the user's to apply: a REQUEST or CANCEL the user organized, a REPLY to a meeting someone else organized. */
        NOT_FOR_USER,
        /** The user has no calendar, or the message cannot be kept (a UID over 255 characters). */
        NOT_APPLICABLE
    }

    public Optional<AppointmentRef> appointmentRef() {
        return Optional.ofNullable(appointment);
    }

    /** Whether the message changed the calendar. */
    public boolean changed() {
        return outcome == Outcome.CREATED || outcome == Outcome.UPDATED || outcome == Outcome.CANCELED || outcome == Outcome.REPLY_RECORDED;
    }
}
