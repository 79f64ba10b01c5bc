package org.syncbridge.mail.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.message.Invitation;

class ImipReplyTest {
    static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    static final ImipReply.From BOB = new ImipReply.From("bob@example.org", "Bob Builder");

    static Map<String, Object> meeting() {
        Map<String, Object> p = new HashMap<>();
        p.put("uid", "040000008200E00074C5B7101A82E008");
        p.put("subject", "Budget review");
        p.put("startTime", "2026-01-15T09:00:00Z");
        p.put("endTime", "2026-01-15T10:30:00Z");
        p.put("timeZone", "Europe/Berlin");
        p.put("organizerEmail", "erika@example.com");
        p.put("organizerName", "Erika Mustermann");
        p.put(MeetingItems.SEQUENCE, "2");
        return p;
    }

    @Test
    void aReplyCarriesTheMeetingsIdentityAndOnlyTheUsersAnswer() {
        String ical = ImipReply.icalendar(meeting(), null, MeetingAnswer.ACCEPT, BOB, "Gerne, bis dann", null, NOW);
        Invitation reply = Invitation.parse(ical).orElseThrow();
        assertEquals("REPLY", reply.method());
        assertEquals("040000008200E00074C5B7101A82E008", reply.uid());
        assertEquals(2, reply.sequence());
        assertEquals("erika@example.com", reply.organizer());
        assertEquals(1, reply.attendees().size());
        assertEquals("bob@example.org", reply.attendees().get(0).address());
        assertEquals("ACCEPTED", reply.replyPartStat());
        assertEquals(Instant.parse("2026-01-15T09:00:00Z"), reply.start());
        assertTrue(ical.contains("COMMENT:Gerne\\, bis dann"), ical);
        assertFalse(ical.contains("RECURRENCE-ID"));
    }

    @Test
    void anOccurrenceIsNamedByItsRecurrenceIdAndADeclineSaysDeclined() {
        Map<String, Object> series = meeting();
        series.put("recurrence.type", "1");
        String ical = ImipReply.icalendar(series, Instant.parse("2026-01-22T09:00:00Z"), MeetingAnswer.DECLINE, BOB, null, null, NOW);
        Invitation reply = Invitation.parse(ical).orElseThrow();
        assertEquals(Instant.parse("2026-01-22T09:00:00Z"), reply.recurrenceId());
        assertEquals(Instant.parse("2026-01-22T09:00:00Z"), reply.start(), "the occurrence's own times");
        assertEquals("DECLINED", reply.replyPartStat());
        assertFalse(ical.contains("COMMENT"));
    }

    @Test
    void aProposedTimeIsACounterWithTheOriginalTimesAsExchangeWritesThem() {
        String ical = ImipReply.icalendar(meeting(), null, MeetingAnswer.TENTATIVE, BOB, "Later?",
                new ImipReply.Proposal(Instant.parse("2026-01-15T13:00:00Z"), Instant.parse("2026-01-15T14:00:00Z")), NOW);
        assertTrue(ical.contains("METHOD:COUNTER"), ical);
        assertTrue(ical.contains("DTSTART:20260115T130000Z"), ical);
        assertTrue(ical.contains("X-MS-OLK-ORIGINALSTART:20260115T090000Z"), ical);
        assertTrue(ical.contains("PARTSTAT=TENTATIVE"), ical);
    }

    @Test
    void theMailGoesToTheOrganizerWithTheCalendarPartAsMethodReply() {
        String mail = new String(ImipReply.mail(meeting(), null, MeetingAnswer.TENTATIVE, BOB, null, null, NOW), StandardCharsets.UTF_8);
        assertTrue(mail.contains("erika@example.com"), mail);
        assertTrue(mail.contains("Subject: Tentative: Budget review"), mail);
        assertTrue(mail.contains("text/calendar; charset=UTF-8; method=REPLY"), mail);
        assertTrue(mail.contains("From: Bob Builder <bob@example.org>"), mail);
        assertFalse(mail.contains("Message-ID"), "the sender names it in the user's domain");
    }
}
