package org.syncbridge.mail.meeting;

import java.time.Instant;

/**
 * Which iMIP message wins (RFC 5546 2.1.5): a higher SEQUENCE, and for replies of the same SEQUENCE the later DTSTAMP.
 * Each message is applied once: a REQUEST of the same SEQUENCE as one applied is a copy (delivered twice, or found in
 * the Inbox again) and is ignored; a CANCEL of the same SEQUENCE as the REQUEST it follows applies (some organizers
 * do not count a cancellation). A message about one occurrence also yields to a newer message about the whole meeting.
 */
final class MessageOrder {

    /** A message applied before: its method, SEQUENCE and DTSTAMP; null when there is none. */
    record Seen(String method, int sequence, Instant dtStamp) {
    }

    private MessageOrder() {
    }

    /**
     * Whether a message applies.
     *
     * @param same   what was applied for the same meeting, occurrence and sender (the organizer, or the replying attendee)
     * @param series for the organizer's message about one occurrence, what the organizer sent last about the whole
     *               meeting (null for replies and whole meetings)
     */
    static boolean applies(String method, int sequence, Instant dtStamp, Seen same, Seen series) {
        if (series != null && (sequence < series.sequence()
                || sequence == series.sequence() && series.method().equals("CANCEL"))) {
            return false;
        }
        if (same == null) {
            return true;
        }
        return switch (method) {
            case "CANCEL" -> sequence > same.sequence() || sequence == same.sequence() && same.method().equals("REQUEST");
            case "REPLY" -> sequence > same.sequence() || sequence == same.sequence() && dtStamp.isAfter(same.dtStamp());
            default -> sequence > same.sequence();
        };
    }
}
