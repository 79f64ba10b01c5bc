package org.syncbridge.mail.meeting;

import java.time.Instant;
import org.syncbridge.mail.MailLogin;

/**
 * One Request of a MeetingResponse (MS-ASCMD 2.2.1.11), protocol-neutral.
 *
 * @param collectionId the folder of the meeting request mail or of the calendar item; null with a LongId
 * @param requestId    the mail's or the calendar item's ServerId; null with a LongId
 * @param longId       a Search result's LongId; null when none
 * @param occurrence   InstanceId: the original start of one occurrence of a series; null for the whole meeting
 * @param serverSends  the protocol has the server send the answer (16.0+); up to 14.1 the phone sends it itself
 * @param send         SendResponse: the answer mail to send; null when none is to go out
 */
public record MeetingResponseRequest(long userId, String contextName, long deviceId, MailLogin login, String collectionId, String requestId,
                                     String longId, Instant occurrence, MeetingAnswer answer, boolean serverSends, Send send) {

    /** SendResponse: the text for the organizer (may be empty; HTML when {@code html}) and a proposed new time. */
    public record Send(String body, boolean html, Instant proposedStart, Instant proposedEnd) {

        /** The text as plain text: the answer's COMMENT and text part. */
        public String text() {
            return body == null || !html ? body : org.jsoup.Jsoup.parse(body).wholeText().strip();
        }
    }
}
