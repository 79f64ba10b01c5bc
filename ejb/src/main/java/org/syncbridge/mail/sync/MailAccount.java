package org.syncbridge.mail.sync;

import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.syncbridge.mail.MailRole;
import org.syncbridge.persistence.mail.MailFolder;
import org.syncbridge.persistence.tenant.User;

/** What the mail commands look up about a user: the mail folders phones see and the user's own addresses. */
public final class MailAccount {

    private MailAccount() {
    }

    /** One of the user's mail folders that phones see: with mail subfolders switched off, only the special ones. */
    static Optional<MailFolder> folder(EntityManager em, long userId, String collectionId) {
        return number(collectionId).map(id -> em.find(MailFolder.class, id)).filter(f -> f.getUserId() == userId)
                .filter(f -> !MailRole.MAIL.name().equals(f.getRole()) || em.find(User.class, userId).syncsMailSubfolders());
    }

    /** The user's mail folders on the IMAP server that phones see, in id order. */
    static List<MailFolder> folders(EntityManager em, long userId) {
        boolean subfolders = em.find(User.class, userId).syncsMailSubfolders();
        return em.createNamedQuery(MailFolder.OF_USER, MailFolder.class).setParameter("user", userId).getResultStream()
                .filter(f -> f.getImapName() != null && (subfolders || !MailRole.MAIL.name().equals(f.getRole()))).toList();
    }

    /** The user's folder with a role, if the IMAP account has it. */
    static Optional<MailFolder> withRole(EntityManager em, long userId, MailRole role) {
        return em.createNamedQuery(MailFolder.OF_USER, MailFolder.class).setParameter("user", userId).getResultStream()
                .filter(f -> f.getImapName() != null && role.name().equals(f.getRole())).findFirst();
    }

    /**
     * The user's own addresses, lower-case: a mail naming none of them in To or Cc came as Bcc; a mail the user sends
     * must be from one of them.
     */
    public static Set<String> addresses(EntityManager em, long userId) {
        User user = em.find(User.class, userId);
        Set<String> own = new HashSet<>();
        if (user.getPrimaryEmail() != null) {
            own.add(user.getPrimaryEmail().toLowerCase(Locale.ROOT));
        }
        user.getAliases().forEach(a -> own.add(a.toLowerCase(Locale.ROOT)));
        return own;
    }

    /** The ServerIds a device knows a folder's mail by. */
    static ServerIds serverIds(EntityManager em, long deviceId, String collectionId) {
        org.syncbridge.persistence.mail.MailSyncState state = em.find(org.syncbridge.persistence.mail.MailSyncState.class,
                new org.syncbridge.persistence.sync.CollectionState.Key(deviceId, collectionId));
        return state == null ? ServerIds.PLAIN : MailSnapshot.decode(state.getSnapshot()).ids();
    }

    /** A positive number (a folder id, a UID), or empty. */
    static Optional<Long> number(String text) {
        try {
            long n = Long.parseLong(text.trim());
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
