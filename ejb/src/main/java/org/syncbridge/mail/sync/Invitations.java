package org.syncbridge.mail.sync;

import java.util.Map;

/** The MeetingRequest properties of an iMIP text/calendar part; none when it cannot be read. */
final class Invitations {

    private Invitations() {
    }

    static Map<String, Object> meetingRequest(String icalendar) {
        return Map.of(); // INVITATION-PENDING: replaced by Invitation.parse on merge of branch invitation
    }
}
