package org.syncbridge.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.send.Mails.crlf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MimeEntityTest {
    static final String MIXED = """
            From: Mia <mia@example.org>
            To: bob@example.org
            Subject: Two parts
            Content-Type: multipart/mixed;
             boundary="b1"

            preamble
            --b1
            Content-Type: multipart/alternative; boundary=b2

            --b2
            Content-Type: text/plain; charset=utf-8

            Hello
            --b2
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <html><body>Hello</body></html>
            --b2--
            --b1
            Content-Type: application/pdf; name=a.pdf
            Content-Disposition: attachment; filename=a.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --b1--
            epilogue
            """;

    private static String range(MimeEntity e, int from, int to) {
        return new String(e.bytes.slice(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void findsPartsAsByteRangesWithoutTheirDelimitersLineEnds() throws Exception {
        MimeEntity m = MimeEntity.message(MailBytes.of(crlf(MIXED)), true);
        assertEquals("multipart/mixed", m.type);
        assertEquals(" boundary=\"b1\"", m.field("Content-Type").orElseThrow().value().substring("multipart/mixed;".length()),
                "unfolding keeps the folded line's white space");
        assertEquals(2, m.parts.size());
        MimeEntity alternative = m.parts.get(0);
        assertEquals("multipart/alternative", alternative.type);
        MimeEntity html = alternative.parts.get(1);
        assertEquals("text/html", html.type);
        assertEquals("quoted-printable", html.encoding);
        assertEquals("<html><body>Hello</body></html>", range(html, html.bodyStart, html.end));
        MimeEntity pdf = m.parts.get(1);
        assertTrue(pdf.isAttachment());
        assertEquals("Content-Type: application/pdf; name=a.pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK", range(pdf, pdf.start, pdf.end));
        assertEquals(3, m.leaves().size());
        TextBodies bodies = TextBodies.of(m);
        assertEquals(alternative.parts.get(0), bodies.plain());
        assertEquals(html, bodies.html());
        assertEquals(java.util.List.of(pdf), TextBodies.attachments(m));
    }

    @Test
    void whatIsNotMimeIsRefusedWhenReadStrictly() {
        assertThrows(InvalidMime.class, () -> MimeEntity.message(MailBytes.of(crlf("just some text\n\nmore\n")), true));
        assertThrows(InvalidMime.class, () -> MimeEntity.message(MailBytes.of(crlf("\nbody without header\n")), true));
        assertThrows(InvalidMime.class, () -> MimeEntity.message(MailBytes.of(crlf(
                "To: a@example.org\nContent-Type: multipart/mixed; boundary=x\n\nno delimiter at all\n")), true));
        assertThrows(InvalidMime.class, () -> MimeEntity.message(MailBytes.of(crlf(
                "To: a@example.org\nContent-Type: multipart/mixed\n\n--x\n\nbody\n--x--\n")), true));
        assertThrows(InvalidMime.class, () -> MimeEntity.message(MailBytes.of(crlf(
                "To: a@example.org\nContent-Type: text/plain; charset=\"unterminated\n\nbody\n")), true));
        assertThrows(InvalidMime.class, () -> MimeEntity.message(MailBytes.of(new byte[] {0x03, 0x01, 0x6a, 0x00, 0x45}), true),
                "WBXML where MIME belongs");
    }

    @Test
    void mailFromElsewhereIsTakenAsItComes() throws Exception {
        MimeEntity odd = MimeEntity.message(MailBytes.of(crlf(
                "From: x@example.org\nContent-Type: multipart/mixed; boundary=x\n\nno delimiter at all\n")), false);
        assertTrue(odd.parts.isEmpty(), "a multipart without parts is one leaf");
        MimeEntity noClose = MimeEntity.message(MailBytes.of(crlf(
                "From: x@example.org\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nbody\n")), false);
        assertEquals(1, noClose.parts.size(), "a part without close delimiter runs to the end");
        assertEquals("text/plain", noClose.parts.get(0).type);
    }

    @Test
    void aMessageWithoutBodyOrContentTypeIsPlainText() throws Exception {
        MimeEntity m = MimeEntity.message(MailBytes.of("To: a@example.org\r\nSubject: x".getBytes(StandardCharsets.US_ASCII)), true);
        assertEquals("text/plain", m.type);
        assertEquals("7bit", m.encoding);
        assertNull(m.disposition);
        assertEquals(m.end, m.bodyStart);
        assertEquals(2, m.fields.size());
    }
}
