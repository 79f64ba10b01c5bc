package org.syncbridge.mail.send;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.send.Mails.crlf;
import static org.syncbridge.mail.send.Mails.original;
import static org.syncbridge.mail.send.Mails.phone;
import static org.syncbridge.mail.send.Mails.read;
import static org.syncbridge.mail.send.Mails.text;
import static org.syncbridge.mail.send.Mails.written;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ComposerTest {
    static final String HTML_ORIGINAL = """
            From: =?UTF-8?Q?J=C3=BCrgen?= <juergen@example.org>
            To: Mia <mia@example.org>
            Subject: Projekt
            Date: Mon, 17 Nov 2025 10:00:00 +0100
            MIME-Version: 1.0
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: 8bit

            <html><head><style>p{color:red}</style></head><body><p>Viele Grüße aus Köln</p><script>alert(1)</script></body></html>
            """;

    /** An original with text, a PDF and an inline image, as a mail program writes one. */
    static final String WITH_ATTACHMENTS = """
            From: Jürgen <juergen@example.org>
            To: mia@example.org
            Subject: Unterlagen
            Date: Mon, 17 Nov 2025 10:00:00 +0100
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=utf-8

            Anbei die Unterlagen.
            --outer
            Content-Type: application/pdf; name="Übersicht.pdf"
            Content-Disposition: attachment; filename*=utf-8''%C3%9Cbersicht.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k
            ZT4+CnN0cmVhbQp4nCvkMlAwUDC1NNUzMVGwMDHSszRSKErlCtfiAgBT1QWeCmVuZHN0cmVhbQpl
            --outer
            Content-Type: image/png
            Content-Disposition: inline; filename=dot.png
            Content-ID: <dot@example.org>
            Content-Transfer-Encoding: base64

            iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==
            --outer--
            """;

    @Test
    void sendMailLeavesOutOnlyTheBccFields() {
        String withBcc = """
                From: Mia <mia@example.org>
                To: bob@example.org
                Bcc: secret@example.org,
                \tother@example.org
                Subject: =?UTF-8?B?R3LDvMOfZQ==?=
                Date: Mon, 17 Nov 2025 10:00:00 +0100
                Message-ID: <1@example.org>
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: 8bit

                """;
        byte[] body = "Gr\u00fc\u00dfe\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] sent = concat(crlf(withBcc), body);
        byte[] out = written(new Composer(PhoneMessage.parseUnchecked(sent)));
        String expected = withBcc.replace("Bcc: secret@example.org,\n\tother@example.org\n", "");
        assertArrayEquals(concat(crlf(expected), body), out, "the rest byte for byte, the Latin-1 body too");
    }

    @Test
    void missingFieldsAreAddedAsLinesOfTheirOwn() {
        PhoneMessage p = phone("To: bob@example.org\nSubject: Hi\n\nHello\n");
        byte[] out = written(new Composer(p).field("From", "Mia <mia@example.org>").field("Date", "Mon, 17 Nov 2025 10:00:00 +0100"));
        assertEquals("To: bob@example.org\r\nSubject: Hi\r\nFrom: Mia <mia@example.org>\r\nDate: Mon, 17 Nov 2025 10:00:00 +0100\r\n\r\nHello\r\n",
                text(out));
    }

    @Test
    void aReplyQuotesTheOriginalInsideThePhonesHtmlWithoutTouchingItsOtherBytes() throws Exception {
        String reply = """
                From: mia@example.org
                To: juergen@example.org
                Subject: Re: Projekt
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Danke f=C3=BCr die Nachricht!
                --alt
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <html><body><p>Danke f=C3=BCr die Nachricht!</p></body></html>
                --alt--
                """;
        byte[] out = written(new Composer(phone(reply)).quote(Quote.reply(original(HTML_ORIGINAL))));
        String plainHead = reply.substring(0, reply.indexOf("\n--alt\nContent-Type: text/html"));
        String htmlHead = reply.substring(reply.indexOf("--alt\nContent-Type: text/html"), reply.indexOf("</body>"));
        assertTrue(text(out).startsWith(text(crlf(plainHead))), "the phone's bytes up to the end of its text are as they were");
        assertTrue(text(out).contains(text(crlf(htmlHead)) + "=\r\n<br>"), "so are those of its HTML up to </body>");
        assertTrue(text(out).endsWith(text(crlf("=\n</body></html>\n--alt--\n"))), "and after");

        MimeMultipart alternative = (MimeMultipart) read(out).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        assertTrue(html.indexOf("<blockquote") > html.indexOf("Danke für die Nachricht!"), html);
        assertTrue(html.indexOf("Viele Grüße aus Köln") < html.indexOf("</body>"), "quoted inside the HTML body: " + html);
        assertTrue(html.contains("On Mon, 17 Nov 2025 10:00:00 +0100, Jürgen <juergen@example.org> wrote:")
                || Jsoup.parse(html).text().contains("On Mon, 17 Nov 2025 10:00:00 +0100, Jürgen <juergen@example.org> wrote:"), html);
        assertFalse(html.contains("<script"), "the original's scripts stay behind");
        assertEquals(1, Jsoup.parse(html).select("body").size());
        String plain = (String) alternative.getBodyPart(0).getContent();
        assertTrue(plain.startsWith("Danke für die Nachricht!"));
        assertTrue(plain.contains("\r\n> Viele Grüße aus Köln"), plain);
    }

    @Test
    void aBase64HtmlBodyIsEncodedAgainWithTheQuoteInIt() throws Exception {
        String html = "<html><body>Antwort</body></html>";
        String reply = "From: mia@example.org\nTo: juergen@example.org\nContent-Type: text/html; charset=utf-8\n"
                + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)) + "\n";
        byte[] out = written(new Composer(phone(reply)).quote(Quote.reply(original(HTML_ORIGINAL))));
        MimeMessage m = read(out);
        assertEquals("base64", m.getEncoding());
        String got = (String) m.getContent();
        assertTrue(got.startsWith("<html><body>Antwort\r\n<br>"), got);
        assertTrue(got.endsWith("</blockquote>\r\n\r\n</body></html>"), got);
    }

    @Test
    void plainTextTheCharsetCannotWriteGoesBesideThePhonesTextInAWrap() throws Exception {
        String reply = "From: mia@example.org\nTo: juergen@example.org\nSubject: Re: Projekt\nContent-Type: text/plain; charset=us-ascii\n\nThanks\n";
        String plainOriginal = HTML_ORIGINAL.substring(0, HTML_ORIGINAL.indexOf("<html>")).replace("text/html", "text/plain")
                + "Viele Grüße aus Köln\n";
        byte[] out = written(new Composer(phone(reply)).quote(Quote.reply(original(plainOriginal))));
        MimeMessage m = read(out);
        assertTrue(m.isMimeType("multipart/mixed"));
        assertEquals("Re: Projekt", m.getSubject());
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertEquals(2, mixed.getCount());
        MimeEntity first = MimeEntity.message(MailBytes.of(out), true).parts.get(0);
        assertEquals("Content-Type: text/plain; charset=us-ascii\r\n\r\nThanks\r\n", text(first.bytes.slice(first.start, first.end)),
                "the phone's text as it came, with its content fields");
        assertTrue(((String) mixed.getBodyPart(1).getContent()).contains("> Viele Grüße aus Köln"));
    }

    @Test
    void aForwardCarriesTheOriginalsAttachmentsByteForByte() throws Exception {
        String forward = """
                From: mia@example.org
                To: bob@example.org
                Subject: Fwd: Unterlagen
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Siehe unten.
                """;
        MimeEntity original = original(WITH_ATTACHMENTS);
        Composer composer = new Composer(phone(forward)).quote(Quote.forward(original));
        TextBodies.attachments(original).forEach(composer::attach);
        byte[] out = written(composer);

        MimeMessage m = read(out);
        assertEquals("Fwd: Unterlagen", m.getSubject());
        MimeMultipart mixed = (MimeMultipart) m.getContent();
        assertEquals(3, mixed.getCount(), "the phone's text, the PDF, the image");
        String body = (String) mixed.getBodyPart(0).getContent();
        assertTrue(body.startsWith("Siehe unten.\r\n"), body);
        assertTrue(body.contains("---------- Forwarded message ----------\r\nFrom: Jürgen <juergen@example.org>"), body);
        assertTrue(body.contains("Anbei die Unterlagen."), body);
        MimeEntity sent = MimeEntity.message(MailBytes.of(out), true);
        for (int i = 1; i <= 2; i++) {
            MimeEntity expected = TextBodies.attachments(original).get(i - 1);
            MimeEntity got = sent.parts.get(i);
            assertArrayEquals(expected.bytes.slice(expected.start, expected.end), got.bytes.slice(got.start, got.end),
                    "part " + i + " with its header fields as they were");
        }
        assertEquals("Übersicht.pdf", jakarta.mail.internet.MimeUtility.decodeText(mixed.getBodyPart(1).getFileName()));
    }

    @Test
    void aSignedReplyIsNotOpenedTheQuoteGoesBesideIt() throws Exception {
        String signed = """
                From: mia@example.org
                To: juergen@example.org
                Content-Type: multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256; boundary="s"

                --s
                Content-Type: text/plain; charset=us-ascii

                Signed text
                --s
                Content-Type: application/pkcs7-signature; name=smime.p7s

                MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAA==
                --s--
                """;
        byte[] out = written(new Composer(phone(signed)).quote(Quote.reply(original(HTML_ORIGINAL))));
        String s = text(out);
        int signedStart = s.indexOf("--s\r\n");
        assertTrue(s.contains(text(crlf(signed.substring(signed.indexOf("--s\n"), signed.indexOf("--s--") + 5)))),
                "the signed content as it was signed");
        MimeMultipart mixed = (MimeMultipart) read(out).getContent();
        assertTrue(mixed.getBodyPart(0).isMimeType("multipart/signed"));
        assertTrue(signedStart > 0);
        assertTrue(((String) mixed.getBodyPart(1).getContent()).contains("Viele Gr&uuml;&szlig;e")
                || ((String) mixed.getBodyPart(1).getContent()).contains("Viele Gr"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
