package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The original bytes of a message, for a client that gets it as MIME. The IMAP layer streams BODY.PEEK[] (or, when
 * only the first bytes are wanted, BODY.PEEK[]&lt;0.maxBytes&gt;) so a cut MIME body never fetches the whole mail.
 */
@FunctionalInterface
public interface RawSource {
    /**
     * @param maxBytes the most bytes the caller will read, or -1 for all; the stream may hold more
     */
    InputStream open(long maxBytes) throws IOException, MessagingException;

    /** A message already in memory (tests, a freshly parsed upload): its bytes as {@link MimeMessage#writeTo} gives them. */
    static RawSource of(MimeMessage message) {
        return maxBytes -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return new ByteArrayInputStream(out.toByteArray());
        };
    }
}
