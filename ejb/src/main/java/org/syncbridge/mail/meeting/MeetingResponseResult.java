package org.syncbridge.mail.meeting;

/**
 * How one MeetingResponse Request ended.
 *
 * @param calendarId the ServerId of the meeting's calendar item; null when declined or failed
 */
public record MeetingResponseResult(Status status, String calendarId) {

    /** MS-ASCMD 2.2.3.177.9. */
    public enum Status {
        /** 1 */
        SUCCESS,
        /** 2: not a meeting request of someone else's meeting, an unknown item, a bad or unknown InstanceId. */
        INVALID_REQUEST,
        /** 3: the mail server failed or refused the answer mail. */
        MAILBOX_ERROR,
        /** 4 */
        SERVER_ERROR
    }

    static MeetingResponseResult of(Status status) {
        return new MeetingResponseResult(status, null);
    }
}
