package org.syncbridge.mail.meeting;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageOrderTest {
    static final Instant T = Instant.parse("2026-01-05T09:00:00Z");

    static MessageOrder.Seen seen(String method, int sequence) {
        return new MessageOrder.Seen(method, sequence, T);
    }

    @Test
    void aRequestAppliesOnceAndOnlyWhenNewer() {
        assertTrue(MessageOrder.applies("REQUEST", 0, T, null, null), "the first");
        assertFalse(MessageOrder.applies("REQUEST", 0, T.plusSeconds(60), seen("REQUEST", 0), null), "the same again, even re-stamped");
        assertTrue(MessageOrder.applies("REQUEST", 1, T, seen("REQUEST", 0), null), "an update");
        assertFalse(MessageOrder.applies("REQUEST", 0, T, seen("REQUEST", 1), null), "an older one, late");
        assertFalse(MessageOrder.applies("REQUEST", 1, T, seen("CANCEL", 1), null), "not back after its cancellation");
        assertTrue(MessageOrder.applies("REQUEST", 2, T, seen("CANCEL", 1), null), "rescheduled after it");
    }

    @Test
    void aCancelFollowsTheRequestItEnds() {
        assertTrue(MessageOrder.applies("CANCEL", 1, T, seen("REQUEST", 0), null));
        assertTrue(MessageOrder.applies("CANCEL", 0, T, seen("REQUEST", 0), null), "organizers that do not count it");
        assertFalse(MessageOrder.applies("CANCEL", 1, T, seen("CANCEL", 1), null), "once");
        assertFalse(MessageOrder.applies("CANCEL", 0, T, seen("REQUEST", 1), null), "older than the update");
        assertTrue(MessageOrder.applies("CANCEL", 3, T, null, null), "before any request: recorded, so a late request stays out");
    }

    @Test
    void anOccurrenceYieldsToANewerMessageAboutTheSeries() {
        assertTrue(MessageOrder.applies("REQUEST", 1, T, null, seen("REQUEST", 1)));
        assertFalse(MessageOrder.applies("REQUEST", 1, T, null, seen("REQUEST", 2)), "the series was re-sent since");
        assertFalse(MessageOrder.applies("REQUEST", 1, T, null, seen("CANCEL", 1)), "the series is cancelled");
        assertTrue(MessageOrder.applies("CANCEL", 2, T, seen("REQUEST", 1), seen("REQUEST", 1)));
    }

    @Test
    void aReplyWinsByItsSequenceThenItsStamp() {
        assertTrue(MessageOrder.applies("REPLY", 0, T, null, null));
        assertTrue(MessageOrder.applies("REPLY", 0, T.plusSeconds(60), seen("REPLY", 0), null), "the attendee changed their mind");
        assertFalse(MessageOrder.applies("REPLY", 0, T, seen("REPLY", 0), null), "the same reply twice");
        assertFalse(MessageOrder.applies("REPLY", 0, T.minusSeconds(60), seen("REPLY", 0), null), "an older one, late");
        assertTrue(MessageOrder.applies("REPLY", 1, T.minusSeconds(60), seen("REPLY", 0), null), "to the updated meeting");
    }
}
