package org.syncbridge.mail.send;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Messages for the sending tests, written with LF and sent with CRLF as phones do. */
final class Mails {
    static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static PhoneMessage phone(String text) {
        try {
            return PhoneMessage.parse(crlf(text));
        } catch (InvalidMime e) {
            throw new AssertionError(e);
        }
    }

    static MimeEntity original(String text) {
        try {
            return MimeEntity.message(MailBytes.of(crlf(text)), false);
        } catch (InvalidMime e) {
            throw new AssertionError(e);
        }
    }

    static byte[] written(Composer composer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            composer.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Jakarta Mail's reading of the result, as a recipient's mail program would read it. */
    static MimeMessage read(byte[] bytes) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
