package org.syncbridge.mail.send;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;
import org.syncbridge.mail.sync.MailAccount;
import org.syncbridge.persistence.tenant.User;

/** Whom a user may send as: the primary address and the aliases. */
@Stateless
public class Senders {

    /**
     * @param primary     the address a message without From is sent from; null when the user has none
     * @param addresses   every address the user may send from, lower-case
     */
    public record Sender(String primary, String displayName, Set<String> addresses) {
    }

    @PersistenceContext
    EntityManager em;

    public Sender of(long userId) {
        User user = em.find(User.class, userId);
        return new Sender(user.getPrimaryEmail(), user.getDisplayName(), Set.copyOf(MailAccount.addresses(em, userId)));
    }
}
