package org.syncbridge.directory;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.persistence.tenant.UserPhoto;

/**
 * The Global Address Book of a context: its enabled users, found by a prefix of any of their names,
 * login name or addresses. The database matches, counts and pages on the term index.
 */
@Stateless
public class GlobalAddressBook {
    /** The most entries one lookup returns, as Exchange answers a GAL search. */
    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    /** Entries {@code offset} .. {@code offset + count - 1} of those whose terms start with {@code query}. */
    public GalPage search(long contextId, String query, int offset, int count) {
        String prefix = DirectoryTerms.likePrefix(DirectoryTerms.normalize(query));
        long total = em.createNamedQuery(User.DIRECTORY_MATCH_COUNT, Long.class).setParameter("context", contextId)
                .setParameter("recipientsOnly", false).setParameter("prefix", prefix).getSingleResult();
        if (total <= offset) {
            return new GalPage(total, java.util.List.of());
        }
        return new GalPage(total, em.createNamedQuery(User.DIRECTORY_MATCHES, User.class).setParameter("context", contextId)
                .setParameter("recipientsOnly", false).setParameter("prefix", prefix)
                .setFirstResult(offset).setMaxResults(Math.min(count, MAX_PAGE))
                .getResultStream().map(GalEntry::of).toList());
    }

    /** A user's photo, read when it is written out, one at a time. */
    public Optional<byte[]> photo(long userId) {
        return Optional.ofNullable(em.find(UserPhoto.class, userId)).map(UserPhoto::getJpeg);
    }
}
