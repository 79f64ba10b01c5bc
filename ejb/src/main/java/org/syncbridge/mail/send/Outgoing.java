package org.syncbridge.mail.send;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * The message to submit, spooled to a file: SMTP and the IMAP APPEND to Sent read the same bytes from it, so what
 * lands in Sent is exactly what was submitted. Deleted when closed.
 */
final class Outgoing implements AutoCloseable {
    private final Path file;

    private Outgoing(Path file) {
        this.file = file;
    }

    static Outgoing create() throws IOException {
        return new Outgoing(Files.createTempFile("syncbridge-send", ".eml"));
    }

    OutputStream output() throws IOException {
        return Files.newOutputStream(file);
    }

    long length() throws IOException {
        return Files.size(file);
    }

    String lengthText() {
        try {
            return length() + " bytes";
        } catch (IOException e) {
            return "a message of unknown size";
        }
    }

    /** A message whose bytes are the file's, whatever it is asked to leave out (SMTPTransport leaves out Bcc: gone already). */
    SMTPMessage message(Session session, String envelopeFrom) {
        SMTPMessage message = new SMTPMessage(session) {
            @Override
            public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
            }

            @Override
            public int getSize() {
                try {
                    return (int) Math.min(Integer.MAX_VALUE, length());
                } catch (IOException e) {
                    return -1;
                }
            }
        };
        message.setEnvelopeFrom(envelopeFrom);
        return message;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
