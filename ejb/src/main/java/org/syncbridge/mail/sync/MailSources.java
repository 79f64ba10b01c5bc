package org.syncbridge.mail.sync;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.syncbridge.persistence.mail.MailFolder;

/**
 * Which mail a SmartReply or SmartForward names: by the folder and the ServerId the device knows it by, or by the
 * LongId ("folderId:UID") a Search handed out. Answers only from what is stored; the IMAP server is asked later.
 */
@Stateless
public class MailSources {

    /** A mail on the IMAP server: its mailbox and UID. */
    public record SourceMail(long folderId, String mailbox, long uid) {
    }

    @PersistenceContext
    EntityManager em;

    /** The mail, if the names point into one of the user's mail folders; {@code longId} wins when given. */
    public Optional<SourceMail> find(long deviceId, long userId, String folderId, String itemId, String longId) {
        if (longId != null && !longId.isBlank()) {
            int colon = longId.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return in(userId, longId.substring(0, colon), MailAccount.number(longId.substring(colon + 1)));
        }
        if (folderId == null || itemId == null) {
            return Optional.empty();
        }
        return in(userId, folderId, MailAccount.serverIds(em, deviceId, folderId).uid(itemId));
    }

    private Optional<SourceMail> in(long userId, String folderId, Optional<Long> uid) {
        Optional<MailFolder> folder = MailAccount.folder(em, userId, folderId).filter(f -> f.getImapName() != null);
        if (folder.isEmpty() || uid.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SourceMail(folder.get().getId(), folder.get().getImapName(), uid.get()));
    }
}
