package org.syncbridge.directory;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.syncbridge.persistence.folder.ContentType;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.pim.PimItem;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.persistence.tenant.UserPhoto;
import org.syncbridge.pim.ItemProperties;
import org.syncbridge.pim.PimStore;

/**
 * Resolves the names a phone is about to send to (MS-ASCMD ResolveRecipients) against the Global Address
 * Book of the user's context and the contacts in the user's own contacts folders. An exact address,
 * e-mail alias or login name resolves at once, the address book first; otherwise the name is a prefix of
 * names and addresses in both, and several matches are suggestions. Every lookup runs on the term and
 * key indexes; counts come from the database.
 */
@Stateless
public class RecipientLookup {
    /** The most suggestions one name gets, whatever the client allows. */
    public static final int MAX_SUGGESTIONS = 100;

    @PersistenceContext
    EntityManager em;

    @EJB
    PimStore pim;

    /** Resolves {@code to} for the user; an ambiguous name gets at most {@code maxSuggestions} suggestions. */
    public Resolution resolve(long userId, long contextId, String to, int maxSuggestions) {
        String name = DirectoryTerms.normalize(to);
        if (name.isEmpty()) {
            return Resolution.unresolved();
        }
        int limit = Math.min(Math.max(maxSuggestions, 0), MAX_SUGGESTIONS);
        String exact = ContactKeys.address(to).map(a -> a.toLowerCase(Locale.ROOT)).orElse(name);
        List<User> named = em.createNamedQuery(User.RECIPIENTS_NAMED_EXACTLY, User.class).setParameter("context", contextId)
                .setParameter("term", DirectoryTerms.cut(exact)).setMaxResults(MAX_SUGGESTIONS).getResultList();
        if (named.size() == 1) {
            return Resolution.resolved(gal(named.get(0), true));
        }
        if (!named.isEmpty()) {
            return Resolution.of(named.size(), limit, named.stream().limit(limit).map(u -> gal(u, false)).toList());
        }
        List<Long> folders = contactFolders(userId);
        if (!folders.isEmpty() && exact.contains("@")) {
            List<Object[]> rows = em.createNamedQuery(PimItem.CONTACT_ADDRESSES_EXACTLY, Object[].class)
                    .setParameter("folders", folders).setParameter("term", exact).setMaxResults(1).getResultList();
            if (!rows.isEmpty()) {
                return Resolution.resolved(contact((Long) rows.get(0)[0], (String) rows.get(0)[1]));
            }
        }
        return byPrefix(contextId, folders, name, limit);
    }

    private Resolution byPrefix(long contextId, List<Long> folders, String name, int limit) {
        String prefix = DirectoryTerms.likePrefix(name);
        long inGal = em.createNamedQuery(User.DIRECTORY_MATCH_COUNT, Long.class).setParameter("context", contextId)
                .setParameter("recipientsOnly", true).setParameter("prefix", prefix).getSingleResult();
        long inContacts = folders.isEmpty() ? 0 : em.createNamedQuery(PimItem.CONTACT_ADDRESS_MATCH_COUNT, Long.class)
                .setParameter("folders", folders).setParameter("prefix", prefix).getSingleResult();
        long total = inGal + inContacts;
        int wanted = (int) Math.min(total == 1 ? 1 : limit, total);
        List<Recipient> found = new ArrayList<>();
        if (wanted > 0 && inGal > 0) {
            em.createNamedQuery(User.DIRECTORY_MATCHES, User.class).setParameter("context", contextId)
                    .setParameter("recipientsOnly", true).setParameter("prefix", prefix).setMaxResults(wanted)
                    .getResultStream().forEach(u -> found.add(gal(u, total == 1)));
        }
        if (found.size() < wanted && inContacts > 0) {
            for (Object[] row : em.createNamedQuery(PimItem.CONTACT_ADDRESSES_MATCHING, Object[].class)
                    .setParameter("folders", folders).setParameter("prefix", prefix)
                    .setMaxResults(wanted - found.size()).getResultList()) {
                found.add(contact((Long) row[0], (String) row[1]));
            }
        }
        return Resolution.of(total, limit, found);
    }

    /** A recipient's photo, read when it is written out: the user's, or the contact's picture. */
    public Optional<byte[]> photo(long userId, Recipient recipient) {
        if (recipient.kind() == Recipient.Kind.GAL) {
            return Optional.ofNullable(em.find(UserPhoto.class, recipient.id())).map(UserPhoto::getJpeg);
        }
        PimItem item = em.find(PimItem.class, recipient.id());
        Folder folder = item == null ? null : em.find(Folder.class, item.getFolderId());
        if (folder == null || folder.getOwner().getId() != userId) {
            return Optional.empty();
        }
        return picture(ItemProperties.fromJson(item.getProperties()));
    }

    /** The user's own contacts folders, each given its lookup keys first if it is older than they are. */
    private List<Long> contactFolders(long userId) {
        List<Long> ids = new ArrayList<>();
        for (Folder f : em.createNamedQuery(Folder.OWNED_OF_TYPE, Folder.class).setParameter("owner", userId)
                .setParameter("type", ContentType.CONTACTS).getResultList()) {
            if (!f.isContactKeysIndexed()) {
                pim.indexContacts(f.getId());
            }
            ids.add(f.getId());
        }
        return ids;
    }

    private static Recipient gal(User u, boolean withCertificates) {
        String name = u.getDisplayName() != null && !u.getDisplayName().isBlank() ? u.getDisplayName().trim() : u.getLoginName();
        Instant now = Instant.now();
        List<String> certificates = withCertificates
                ? u.getCertificates().stream().filter(c -> SmimeCertificates.validAt(c, now)).toList() : List.of();
        return new Recipient(Recipient.Kind.GAL, u.getId(), name, u.getPrimaryEmail(), certificates, u.getPhotoSize());
    }

    private Recipient contact(long itemId, String lowerCaseAddress) {
        Map<String, Object> properties = ItemProperties.fromJson(em.find(PimItem.class, itemId).getProperties());
        String address = ContactKeys.addresses(properties).getOrDefault(lowerCaseAddress, lowerCaseAddress);
        String name = ContactKeys.displayName(properties);
        return new Recipient(Recipient.Kind.CONTACT, itemId, name == null ? address : name, address, List.of(),
                picture(properties).map(p -> p.length).orElse(null));
    }

    /** A contact's picture: base64 in its "picture" property, as phones send it. */
    private static Optional<byte[]> picture(Map<String, Object> properties) {
        if (!(properties.get("picture") instanceof String base64) || base64.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
