package org.syncbridge.mail.sync;

import jakarta.mail.Flags;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.message.BodyRequest;

/** Turns IMAP messages into the Email properties clients are sent (see EmailProperties). */
public interface MailItems {

    /** Everything about one message, its body as the client wishes and its attachments named under {@code fileReferencePrefix}. */
    Map<String, Object> properties(IMAPMessage message, String fileReferencePrefix, BodyRequest bodies, Set<String> addresses);

    /** What a flag change tells a client: Read, Flag, Categories, LastVerbExecuted. */
    Map<String, Object> flagProperties(Flags flags);
}
