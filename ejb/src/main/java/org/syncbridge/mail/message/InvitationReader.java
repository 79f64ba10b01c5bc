package org.syncbridge.mail.message;

import java.util.Map;

/**
 * Turns the text/calendar part of an iMIP invitation, cancellation or reply into the "meetingRequest.*" properties of
 * {@link EmailProperties#MEETING_REQUEST}. The mail reader calls it once per such message and merges what it returns.
 */
@FunctionalInterface
public interface InvitationReader {
    Map<String, Object> read(String icalendarText);
}
