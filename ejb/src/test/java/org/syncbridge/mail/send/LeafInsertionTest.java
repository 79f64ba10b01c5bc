package org.syncbridge.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.send.Mails.phone;
import static org.syncbridge.mail.send.Mails.read;
import static org.syncbridge.mail.send.Mails.text;
import static org.syncbridge.mail.send.Mails.written;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LeafInsertionTest {
    static final Quote QUOTE = new Quote("<blockquote>" + "word ".repeat(400) + "</blockquote>", "\r\n\r\n> zitiert\r\n");

    @Test
    void sevenBitHtmlWithoutClosingTagsGetsTheQuoteAtTheEndInLinesOfAtMost998() throws Exception {
        byte[] out = written(new Composer(phone("From: mia@example.org\nTo: b@example.org\nContent-Type: text/html\n\n<p>Antwort</p>\n"))
                .quote(QUOTE));
        String s = text(out);
        assertTrue(s.startsWith("From: mia@example.org\r\nTo: b@example.org\r\nContent-Type: text/html\r\n\r\n<p>Antwort</p>\r\n\r\n<blockquote>word"), s);
        for (String line : s.split("\r\n")) {
            assertTrue(line.length() <= 998, "line of " + line.length());
        }
        assertEquals(("<p>Antwort</p> " + QUOTE.html()).replaceAll("\\s+", " ").trim(),
                ((String) read(out).getContent()).replaceAll("\\s+", " ").trim(), "the same HTML, some spaces now line breaks");
    }

    @Test
    void htmlThatCannotBeFoldedMakesASevenBitLeafQuotedPrintable() throws Exception {
        Quote unbreakable = new Quote("<img src=\"data:image/png;base64," + "A".repeat(2000) + "\">", "");
        byte[] out = written(new Composer(phone("From: mia@example.org\nTo: b@example.org\nContent-Type: text/html\n\n<html><body>Hi</body></html>\n"))
                .quote(unbreakable));
        MimeMessage m = read(out);
        assertEquals("quoted-printable", m.getEncoding());
        assertEquals("<html><body>Hi\r\n" + unbreakable.html() + "\r\n</body></html>\r\n", m.getContent());
    }

    @Test
    void eightBitPlainTextInA7bitLeafMakesItQuotedPrintable() throws Exception {
        byte[] out = written(new Composer(phone("From: mia@example.org\nTo: b@example.org\nContent-Type: text/plain; charset=utf-8\n\nDanke\n"))
                .quote(new Quote("", "\r\n> Grüße\r\n")));
        MimeMessage m = read(out);
        assertEquals("quoted-printable", m.getEncoding());
        assertEquals("Danke\r\n\r\n> Grüße\r\n", m.getContent());
    }

    @Test
    void aTextWithoutSpacesCannotBeFolded() {
        assertNull(LeafInsertion.fold(("x".repeat(1200)).getBytes(StandardCharsets.US_ASCII)));
        String words = "word ".repeat(500);
        String folded = new String(LeafInsertion.fold(words.getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
        assertEquals(3, folded.split("\r\n").length);
        assertEquals(words, folded.replace("\r\n", " "));
    }
}
