package org.syncbridge.mail.sync;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.persistence.tenant.User;

/**
 * Drafts written on a 16.0 phone: a new draft is appended to the Drafts folder (\Draft, \Seen); an edit appends the
 * new version and expunges the old one, and the phone keeps its ServerId for it. The phone learns the FileReference
 * of each attachment it added, by its ClientId.
 */
final class Drafts {
    /** What a Change carries beyond flags when it edits a draft. */
    private static final Set<String> DRAFT_FIELDS = Set.of(EmailProperties.TO, EmailProperties.CC, EmailProperties.BCC,
            EmailProperties.SUBJECT, EmailProperties.IMPORTANCE, EmailProperties.BODY, EmailProperties.ATTACHMENTS_ADDED,
            EmailProperties.ATTACHMENTS_DELETED);

    /** A stored draft: its UID and where the phone's new attachments are, as "ClientId" and "FileReference" maps. */
    record Stored(long uid, List<DraftMessage.Added> added) {
    }

    private Drafts() {
    }

    static boolean edits(Map<String, Object> sent) {
        return sent.keySet().stream().anyMatch(DRAFT_FIELDS::contains);
    }

    /** Appends a new draft, or the new version of {@code previous} (then expunged), to the Drafts mailbox. */
    static Optional<Stored> store(Mailbox box, User user, Map<String, Object> sent, IMAPMessage previous)
            throws MessagingException, IOException {
        Set<String> deleted = new HashSet<>();
        if (sent.get(EmailProperties.ATTACHMENTS_DELETED) instanceof List<?> references) {
            for (Object reference : references) {
                String r = String.valueOf(reference);
                deleted.add(r.substring(r.lastIndexOf(':') + 1));
            }
        }
        if (previous != null) {
            previous.setPeek(true);
        }
        DraftMessage.Built built = DraftMessage.build(sent, previous, deleted, user.getPrimaryEmail(), user.getDisplayName());
        Flags flags = new Flags(Flags.Flag.DRAFT);
        flags.add(Flags.Flag.SEEN);
        if (previous != null) {
            flags.add(previous.getFlags());
            flags.remove(Flags.Flag.RECENT);
            flags.remove(Flags.Flag.DELETED);
        }
        Optional<Long> uid = box.append(built.message(), flags);
        if (uid.isEmpty()) {
            return Optional.empty(); // without UIDPLUS the new draft's UID is unknown; its next sync brings it
        }
        if (previous != null) {
            box.deleteNow(previous);
        }
        return Optional.of(new Stored(uid.get(), built.added()));
    }
}
