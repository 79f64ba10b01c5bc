package org.syncbridge.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.send.Mails.phone;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneMessageTest {

    static List<String> addresses(List<InternetAddress> list) {
        return list.stream().map(InternetAddress::getAddress).toList();
    }

    @Test
    void theEnvelopeIsToCcAndBccOnceEachWithGroupsOpened() throws Exception {
        PhoneMessage p = phone("""
                From: "Mia M." <mia@example.org>
                To: Bob <bob@example.org>, team: ann@example.org, "Carl" <carl@example.org>;
                Cc: =?UTF-8?Q?J=C3=BCrgen?= <juergen@example.org>, BOB@example.org
                Bcc: secret@example.org
                Bcc: undisclosed-recipients:;

                Hi
                """);
        assertEquals(List.of("bob@example.org", "ann@example.org", "carl@example.org", "juergen@example.org", "secret@example.org"),
                addresses(p.envelope()));
        assertEquals(List.of("mia@example.org"), addresses(p.from()));
        assertTrue(p.sender().isEmpty());
    }

    @Test
    void noRecipientsIsAnEmptyEnvelope() throws Exception {
        assertTrue(phone("From: mia@example.org\nSubject: x\n\nHi\n").envelope().isEmpty());
        assertTrue(phone("From: mia@example.org\nTo: undisclosed-recipients:;\n\nHi\n").envelope().isEmpty());
    }

    @Test
    void whatIsNoAddressIsNoMime() {
        assertThrows(InvalidMime.class, () -> phone("From: mia@example.org\nTo: bob\n\nHi\n").envelope());
        assertThrows(InvalidMime.class, () -> phone("From: mia@example.org\nTo: bob@\n\nHi\n").envelope());
        assertThrows(InvalidMime.class, () -> PhoneMessage.parse(new byte[0]));
    }
}
