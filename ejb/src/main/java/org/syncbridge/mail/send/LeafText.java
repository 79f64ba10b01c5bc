package org.syncbridge.mail.send;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/** The content of a leaf: its bytes with the transfer encoding undone, and its text in its charset. */
final class LeafText {

    private LeafText() {
    }

    /** The content with its Content-Transfer-Encoding undone; an encoding nobody knows is an IOException. */
    static byte[] decoded(MimeEntity leaf) throws IOException {
        try (InputStream in = MimeUtility.decode(leaf.bytes.stream(leaf.bodyStart, leaf.end), leaf.encoding)) {
            return in.readAllBytes();
        } catch (MessagingException e) {
            throw new IOException("unknown transfer encoding " + leaf.encoding, e);
        }
    }

    /** The leaf's charset, or {@code fallback} when it names none or one Java does not know. */
    static Charset charset(MimeEntity leaf, Charset fallback) {
        String name = leaf.charset();
        if (name == null || name.isBlank()) {
            return fallback;
        }
        try {
            return Charset.forName(name.trim()); // Jakarta Mail's javaCharset would read us-ascii as ISO-8859-1
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            try {
                return Charset.forName(MimeUtility.javaCharset(name.trim()));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException again) {
                return fallback;
            }
        }
    }

    /** The text of a leaf of another mail, as well as it can be read (no charset: UTF-8, which covers ASCII). */
    static String text(MimeEntity leaf) throws IOException {
        return new String(decoded(leaf), charset(leaf, StandardCharsets.UTF_8));
    }

    /** Whether a charset writes ASCII as ASCII, so ASCII markup can be found and inserted as bytes. */
    static boolean asciiCompatible(Charset charset) {
        String probe = "</body> -=\r\n";
        return probe.equals(new String(probe.getBytes(charset), StandardCharsets.US_ASCII))
                && java.util.Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
    }
}
