package org.syncbridge.mail.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.mail.message.FlagProperties;
import org.syncbridge.mail.message.Invitation;
import org.syncbridge.mail.message.LimitedInputStream;
import org.syncbridge.mail.message.MailReader;
import org.syncbridge.mail.message.MessageFacts;
import org.syncbridge.mail.message.RawSource;

/**
 * Email properties of IMAP messages through the MIME reader: parts are fetched by section as the reader needs
 * them, the original bytes (for MIME bodies) streamed and cut where the client's truncation ends, and nothing
 * marks a mail read on the way (every fetch is a PEEK).
 */
@ApplicationScoped
public class ImapMailItems implements MailItems {
    private final MailReader reader = new MailReader(Invitation::read);

    @Override
    public Map<String, Object> properties(IMAPMessage message, String fileReferencePrefix, BodyRequest bodies, Set<String> addresses) {
        try {
            message.setPeek(true);
            IMAPFolder folder = (IMAPFolder) message.getFolder();
            MessageFacts facts = new MessageFacts(folder.getUID(message), message.getFlags(),
                    message.getReceivedDate() == null ? java.time.Instant.EPOCH : message.getReceivedDate().toInstant(),
                    Math.max(0, message.getSize()));
            return reader.read(message, facts, raw(message), bodies, fileReferencePrefix, addresses);
        } catch (MessagingException | IOException e) {
            throw new MailUnavailable("reading a mail failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> flagProperties(Flags flags) {
        return FlagProperties.of(flags);
    }

    /** BODY.PEEK[], fetched in blocks as it is read: a cut MIME body fetches little more than the cut. */
    private static RawSource raw(IMAPMessage message) {
        return maxBytes -> {
            InputStream in = message.getMimeStream();
            return maxBytes < 0 ? in : new LimitedInputStream(in, maxBytes);
        };
    }
}
