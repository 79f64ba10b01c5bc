package org.syncbridge.tenant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.auth.Passwords;
import org.syncbridge.directory.DirectoryTerms;
import org.syncbridge.persistence.folder.ContentType;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.tenant.Context;
import org.syncbridge.persistence.tenant.DirectoryCard;
import org.syncbridge.persistence.tenant.DirectoryTerm;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.persistence.tenant.UserPhoto;

/** Creating, listing and changing users, their passwords, permissions, address book card, photo and certificates. */
@Stateless
public class UserAdministration {

    @PersistenceContext
    EntityManager em;

    public List<UserInfo> list(AdminIdentity caller, String contextName) {
        Context context = AdminScope.context(em, caller, contextName);
        return em.createNamedQuery(User.IN_CONTEXT, User.class).setParameter("context", context)
                .getResultStream().map(UserAdministration::info).toList();
    }

    public UserInfo get(AdminIdentity caller, String contextName, String login) {
        return info(find(caller, contextName, login));
    }

    public UserInfo create(AdminIdentity caller, String contextName, NewUser request) {
        Context context = AdminScope.context(em, caller, contextName);
        String login = InputRules.loginName(InputRules.body(request).login());
        if (!em.createNamedQuery(User.BY_CONTEXT_AND_LOGIN, User.class).setParameter("context", context)
                .setParameter("login", login).getResultList().isEmpty()) {
            throw RequestRejected.conflict("user '" + login + "' exists in context '" + contextName + "'");
        }
        User user = new User(context, login, Passwords.hash(InputRules.password(request.password())));
        apply(user, new UserChanges(request.displayName(), request.primaryEmail(), request.aliases(), request.enabled(),
                request.activesync(), request.outlook(), request.imapLogin(), null, request.syncMailSubfolders(), null,
                request.directory(), request.certificates()));
        em.persist(user);
        createDefaultFolders(user);
        return info(user);
    }

    public UserInfo update(AdminIdentity caller, String contextName, String login, UserChanges changes) {
        User user = find(caller, contextName, login);
        apply(user, InputRules.body(changes));
        return info(user);
    }

    private User find(AdminIdentity caller, String contextName, String login) {
        return AdminScope.user(em, caller, contextName, login);
    }

    private static void apply(User user, UserChanges changes) {
        if (changes.displayName() != null) {
            user.setDisplayName(InputRules.optionalText(changes.displayName(), 255, "displayName"));
        }
        if (changes.primaryEmail() != null) {
            user.setPrimaryEmail(changes.primaryEmail().isEmpty() ? null : InputRules.address(changes.primaryEmail()));
        }
        if (changes.aliases() != null) {
            user.getAliases().clear();
            user.getAliases().addAll(InputRules.addresses(changes.aliases()));
        }
        if (changes.enabled() != null) {
            user.setEnabled(changes.enabled());
        }
        if (changes.activesync() != null) {
            user.setActiveSync(changes.activesync());
        }
        if (changes.outlook() != null) {
            user.setOutlook(changes.outlook());
        }
        if (changes.imapLogin() != null) {
            user.setImapLogin(InputRules.optionalText(changes.imapLogin(), 320, "imapLogin"));
        }
        if (changes.syncMailSubfolders() != null) {
            user.setSyncMailSubfolders(changes.syncMailSubfolders());
        }
        if (Boolean.TRUE.equals(changes.inheritMailSubfolders())) {
            user.setSyncMailSubfolders(null);
        }
        if (changes.password() != null) {
            user.setPasswordHash(Passwords.hash(InputRules.password(changes.password())));
        }
        if (changes.directory() != null) {
            user.setDirectory(DirectoryCards.changed(user.getDirectory(), changes.directory()));
        }
        if (changes.certificates() != null) {
            List<String> certificates = InputRules.certificates(changes.certificates());
            user.getCertificates().clear();
            user.getCertificates().addAll(certificates);
        }
        keepDirectoryTerms(user);
    }

    /** The terms lookups find the user by follow the names and addresses; Hibernate writes only the difference. */
    private static void keepDirectoryTerms(User user) {
        DirectoryCard card = user.getDirectory();
        Set<DirectoryTerm> terms = new HashSet<>();
        for (String term : DirectoryTerms.ofUser(user.getDisplayName(), card.getFirstName(), card.getLastName(),
                user.getLoginName(), user.getPrimaryEmail(), user.getAliases())) {
            terms.add(new DirectoryTerm(user.getContext().getId(), term));
        }
        user.getDirectoryTerms().retainAll(terms);
        user.getDirectoryTerms().addAll(terms);
    }

    /** Sets the user's photo: a JPEG of at most {@link UserPhoto#MAX_BYTES}. */
    public UserInfo setPhoto(AdminIdentity caller, String contextName, String login, byte[] jpeg) {
        User user = find(caller, contextName, login);
        byte[] checked = InputRules.jpeg(jpeg);
        UserPhoto photo = em.find(UserPhoto.class, user.getId());
        if (photo == null) {
            em.persist(new UserPhoto(user.getId(), checked));
        } else {
            photo.setJpeg(checked);
        }
        user.setPhotoSize(checked.length);
        return info(user);
    }

    public UserInfo removePhoto(AdminIdentity caller, String contextName, String login) {
        User user = find(caller, contextName, login);
        UserPhoto photo = em.find(UserPhoto.class, user.getId());
        if (photo != null) {
            em.remove(photo);
        }
        user.setPhotoSize(null);
        return info(user);
    }

    public byte[] photo(AdminIdentity caller, String contextName, String login) {
        User user = find(caller, contextName, login);
        UserPhoto photo = em.find(UserPhoto.class, user.getId());
        if (photo == null) {
            throw RequestRejected.notFound("user '" + login + "' has no photo");
        }
        return photo.getJpeg();
    }

    /** Every user starts with private Contacts, Calendar and Tasks folders; mail folders come from IMAP. */
    private void createDefaultFolders(User user) {
        em.persist(new Folder(user, null, "Contacts", ContentType.CONTACTS, true));
        em.persist(new Folder(user, null, "Calendar", ContentType.CALENDAR, true));
        em.persist(new Folder(user, null, "Tasks", ContentType.TASKS, true));
    }

    static UserInfo info(User u) {
        return new UserInfo(u.getLoginName(), u.getContext().getName(), u.getDisplayName(), u.getPrimaryEmail(),
                new TreeSet<>(u.getAliases()), u.isEnabled(), u.isActiveSync(), u.isOutlook(), u.effectiveImapLogin(),
                u.getSyncMailSubfolders(), DirectoryCards.entry(u.getDirectory()), u.getPhotoSize(),
                u.getCertificates().stream().map(DirectoryCards::certificateInfo).toList());
    }

    /** A user's own view of their names and addresses (EAS Settings UserInformation). */
    public UserInfo addresses(long userId) {
        return info(em.find(User.class, userId));
    }
}
