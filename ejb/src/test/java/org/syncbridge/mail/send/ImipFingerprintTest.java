package org.syncbridge.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.send.Mails.phone;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImipFingerprintTest {

    /** An invitation as an iPhone sends it, with the DTSTAMP of the moment and the given METHOD and SEQUENCE. */
    static String invitation(String method, int sequence, String dtstamp) {
        return """
                From: mia@example.org
                To: bob@example.org
                Subject: Planung
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary=a

                --a
                Content-Type: text/plain; charset=utf-8

                Einladung
                --a
                Content-Type: text/calendar; charset=utf-8; method=%1$s
                Content-Transfer-Encoding: quoted-printable

                BEGIN:VCALENDAR
                METHOD:%1$s
                PRODID:-//Apple Inc.//iPhone 17.0//EN
                VERSION:2.0
                BEGIN:VTIMEZONE
                TZID:Europe/Berlin
                END:VTIMEZONE
                BEGIN:VEVENT
                UID:5D2C6A5E-1111-4B6B-9F0E-2E35D2A1C0DE
                DTSTAMP:%3$s
                DTSTART;TZID=Europe/Berlin:20251120T100000
                SEQUENCE:%2$d
                ORGANIZER;CN=Mia:mailto:Mia@example.org
                ATTENDEE;CN=Bob;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.org
                SUMMARY:Planung
                END:VEVENT
                END:VCALENDAR
                --a--
                """.formatted(method, sequence, dtstamp);
    }

    static Optional<String> of(String mime, String... to) throws Exception {
        List<InternetAddress> recipients = new java.util.ArrayList<>();
        for (String t : to) {
            recipients.add(new InternetAddress(t));
        }
        return ImipFingerprint.of(phone(mime), recipients);
    }

    @Test
    void theSameInvitationSentAgainIsTheSameWhateverItsTimestamp() throws Exception {
        Optional<String> first = of(invitation("REQUEST", 0, "20251117T100000Z"), "bob@example.org");
        assertTrue(first.isPresent());
        assertEquals(first, of(invitation("REQUEST", 0, "20251117T100512Z"), "Bob@Example.org"));
    }

    @Test
    void aNewSequenceAnotherMethodOrOtherRecipientsAreAnotherMessage() throws Exception {
        Optional<String> first = of(invitation("REQUEST", 0, "20251117T100000Z"), "bob@example.org");
        assertNotEquals(first, of(invitation("REQUEST", 1, "20251117T100000Z"), "bob@example.org"), "a changed meeting");
        assertNotEquals(first, of(invitation("CANCEL", 0, "20251117T100000Z"), "bob@example.org"), "its cancellation");
        assertNotEquals(first, of(invitation("REQUEST", 0, "20251117T100000Z"), "bob@example.org", "eve@example.org"),
                "a new attendee gets the same invitation");
    }

    @Test
    void repliesAndMailWithoutCalendarAreNoInvitations() throws Exception {
        assertEquals(Optional.empty(), of(invitation("REPLY", 0, "20251117T100000Z"), "bob@example.org"));
        assertEquals(Optional.empty(), of("From: mia@example.org\nTo: bob@example.org\n\nHello\n", "bob@example.org"));
    }

    @Test
    void foldedLinesAreUnfolded() {
        String calendar = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:abc\r\n def\r\nORGANIZER:mailto:m@x.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertEquals(Optional.of("REQUEST\nm@x.org\nabcdef/0/"), ImipFingerprint.identity(calendar));
    }
}
