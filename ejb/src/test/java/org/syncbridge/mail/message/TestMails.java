package org.syncbridge.mail.message;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The .eml fixtures under src/test/resources/mail and messages made from text. */
final class TestMails {
    static final Session SESSION = Session.getInstance(new Properties());
    static final Instant ARRIVED = Instant.parse("2026-03-18T07:30:00Z");
    static final String PREFIX = "5:17";
    static final String NAME = "Übersicht März 2026 – 東京.pdf";

    private TestMails() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestMails.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeMessage message(byte[] bytes) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage load(String name) {
        return message(bytes(name));
    }

    /** A message from text written with LF line ends, sent as CRLF. */
    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static MessageFacts facts(byte[] bytes, Flags flags) {
        return new MessageFacts(17, flags, ARRIVED, bytes.length);
    }

    /** Reads a message as a client with these wishes would get it. */
    static Map<String, Object> read(MailReader reader, byte[] bytes, BodyRequest request) throws Exception {
        MimeMessage m = message(bytes);
        return reader.read(m, facts(bytes, new Flags()), max -> new ByteArrayInputStream(bytes), request, PREFIX,
                List.of("ann@example.com"));
    }

    static MailReader reader() {
        return new MailReader(ical -> Map.of());
    }

    static ChosenBody body(Map<String, Object> properties) {
        return (ChosenBody) properties.get(EmailProperties.BODY);
    }

    static String text(ChosenBody body) {
        return new String(body.data(), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static List<MailAttachment> attachments(Map<String, Object> properties) {
        return (List<MailAttachment>) properties.get(EmailProperties.ATTACHMENTS);
    }

    static BodyRequest wishes(MimeSupport mime, BodyWish... wishes) {
        return new BodyRequest(List.of(wishes), mime, List.of());
    }
}
