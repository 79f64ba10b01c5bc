package org.syncbridge.mail.sync;

import java.time.Instant;
import java.util.List;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.sync.ClientCommand;

/**
 * One mail collection of a client's sync request, in protocol-neutral terms.
 *
 * @param windowStart    mail that arrived before this day is outside the client's window; null for all mail
 * @param deletesAsMoves a deleted mail goes to the Deleted Items folder rather than away for good
 * @param writesDrafts   the client creates and edits drafts in the Drafts folder (EAS 16.0 and later)
 */
public record MailSyncRequest(long deviceId, long userId, MailLogin login, String collectionId, String syncKey,
                              boolean getChanges, int windowSize, List<ClientCommand> commands, Instant windowStart,
                              BodyRequest bodies, boolean deletesAsMoves, boolean writesDrafts) {
}
