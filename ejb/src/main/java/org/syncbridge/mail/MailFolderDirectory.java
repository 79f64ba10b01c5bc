package org.syncbridge.mail;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.syncbridge.persistence.mail.MailFolder;

/**
 * A user's IMAP mailboxes with stable ids: the IMAP listing is matched against the stored ids on
 * each read, new mailboxes get an id, vanished ones lose theirs. Roles come from SPECIAL-USE, else
 * from well-known names. Drafts, Sent and Trash are created when the account lacks them, and an
 * Outbox always exists (Android resets an account without one).
 */
@Stateless
public class MailFolderDirectory {
    private static final Set<MailRole> SHOWN_WITHOUT_SUBFOLDERS =
            EnumSet.of(MailRole.INBOX, MailRole.DRAFTS, MailRole.TRASH, MailRole.SENT, MailRole.OUTBOX, MailRole.JUNK);

    /** Special folders phones expect and mail sending fills; created on the IMAP server when missing. */
    private static final Map<MailRole, String> CREATED_WHEN_MISSING = new java.util.EnumMap<>(Map.of(
            MailRole.DRAFTS, "Drafts", MailRole.SENT, "Sent", MailRole.TRASH, "Trash"));

    @PersistenceContext
    EntityManager em;

    @Inject
    ImapConnections connections;

    /** One listed mailbox: its full name, hierarchy separator, role and, for a name not known before, its stable id. */
    record Listed(String name, char separator, MailRole role, String mailboxId) {
        Listed(String name, char separator, MailRole role) {
            this(name, separator, role, null);
        }
    }

    /** The user's mail folders now; with {@code subfolders} false only the Inbox and the special folders. */
    public List<MailFolderEntry> current(long userId, MailLogin login, boolean subfolders) {
        // one listing per user at a time: two first FolderSyncs must not both store the same new mailbox
        em.find(org.syncbridge.persistence.tenant.User.class, userId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        List<MailFolder> stored = em.createNamedQuery(MailFolder.OF_USER, MailFolder.class).setParameter("user", userId).getResultList();
        Set<String> known = new java.util.HashSet<>();
        stored.forEach(f -> known.add(f.getImapName()));
        List<Listed> listed = list(login, known);
        Map<String, MailFolder> byName = new HashMap<>();
        MailFolder localOutbox = null;
        for (MailFolder f : stored) {
            if (f.getImapName() == null) {
                localOutbox = f;
            } else {
                byName.put(f.getImapName(), f);
            }
        }
        Map<String, MailFolder> seen = new LinkedHashMap<>();
        Set<String> listedNames = new java.util.HashSet<>();
        listed.forEach(l -> listedNames.add(l.name()));
        for (Listed l : listed) {
            MailFolder f = byName.remove(l.name());
            if (f == null && l.mailboxId() != null) { // renamed by another mail program: the same mailbox keeps its ServerId
                f = byName.values().stream().filter(v -> l.mailboxId().equals(v.getMailboxId()) && !listedNames.contains(v.getImapName()))
                        .findFirst().orElse(null);
                if (f != null) {
                    byName.remove(f.getImapName());
                    f.setImapName(l.name());
                }
            }
            if (f == null) {
                f = new MailFolder(userId, l.name(), l.role().name());
                f.setMailboxId(l.mailboxId());
                em.persist(f);
            } else if (!f.getRole().equals(l.role().name())) {
                f.setRole(l.role().name());
            }
            seen.put(l.name(), f);
        }
        byName.values().forEach(em::remove);
        boolean imapOutbox = listed.stream().anyMatch(l -> l.role() == MailRole.OUTBOX);
        if (imapOutbox && localOutbox != null) {
            em.remove(localOutbox);
            localOutbox = null;
        } else if (!imapOutbox && localOutbox == null) {
            localOutbox = new MailFolder(userId, null, MailRole.OUTBOX.name());
            em.persist(localOutbox);
        }
        em.flush(); // new rows get their ids
        return entries(listed, seen, localOutbox, subfolders);
    }

    private static List<MailFolderEntry> entries(List<Listed> listed, Map<String, MailFolder> seen, MailFolder localOutbox,
                                                 boolean subfolders) {
        List<MailFolderEntry> result = new ArrayList<>();
        for (Listed l : listed) {
            if (!subfolders && !SHOWN_WITHOUT_SUBFOLDERS.contains(l.role())) {
                continue;
            }
            Long parentId = parentName(l).map(seen::get)
                    .filter(p -> subfolders || SHOWN_WITHOUT_SUBFOLDERS.contains(MailRole.valueOf(p.getRole())))
                    .map(MailFolder::getId).orElse(null);
            result.add(new MailFolderEntry(seen.get(l.name()).getId(), parentId, displayName(l), l.role(), l.name()));
        }
        if (localOutbox != null) {
            result.add(new MailFolderEntry(localOutbox.getId(), null, "Outbox", MailRole.OUTBOX, null));
        }
        return result;
    }

    /** Lists the mailboxes; those not {@code known} come with their stable id where the server has one (Dovecot's X-GUID). */
    private List<Listed> list(MailLogin login, Set<String> known) {
        try (MailConnection connection = connections.open(login)) {
            Store store = connection.store();
            List<Listed> result = new ArrayList<>();
            Set<MailRole> taken = EnumSet.noneOf(MailRole.class);
            boolean[] guids = {true};
            for (Folder folder : store.getDefaultFolder().list("*")) {
                String name = folder.getFullName();
                MailRole role = "INBOX".equalsIgnoreCase(name) ? MailRole.INBOX : specialUse(folder).orElse(null);
                if (role == null) {
                    boolean nearTop = name.indexOf(folder.getSeparator()) < 0
                            || name.toUpperCase().startsWith("INBOX" + folder.getSeparator()) && name.indexOf(folder.getSeparator(), 6) < 0;
                    role = nearTop ? MailRole.ofName(folder.getName()).orElse(MailRole.MAIL) : MailRole.MAIL;
                }
                if (role != MailRole.MAIL && !taken.add(role)) {
                    role = MailRole.MAIL; // one folder per special role
                }
                String listedName = "INBOX".equalsIgnoreCase(name) ? "INBOX" : name;
                String id = null;
                if (!known.contains(listedName) && guids[0]) {
                    id = guid(folder).orElse(null);
                    guids[0] = id != null; // a server without X-GUID is not asked again
                }
                result.add(new Listed(listedName, folder.getSeparator(), role, id));
            }
            for (Map.Entry<MailRole, String> wanted : CREATED_WHEN_MISSING.entrySet()) {
                if (!taken.contains(wanted.getKey())) {
                    Folder root = personalRoot(store);
                    String fullName = root.getFullName().isEmpty() ? wanted.getValue() : root.getFullName() + root.getSeparator() + wanted.getValue();
                    Folder created = store.getFolder(fullName);
                    if (created.exists() || created.create(Folder.HOLDS_MESSAGES)) {
                        result.add(new Listed(created.getFullName(), created.getSeparator(), wanted.getKey()));
                    }
                }
            }
            return result;
        } catch (MessagingException e) {
            throw new MailUnavailable("listing the mailboxes of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }

    /** Dovecot's stable mailbox id (STATUS X-GUID), which survives a rename; empty where the server has none. */
    private static Optional<String> guid(Folder folder) {
        if (!(folder instanceof IMAPFolder imap)) {
            return Optional.empty();
        }
        try {
            Object answer = imap.doCommandIgnoreFailure(p -> {
                org.eclipse.angus.mail.iap.Argument args = new org.eclipse.angus.mail.iap.Argument();
                args.writeString(org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder.encode(imap.getFullName()));
                args.writeAtom("(X-GUID)");
                org.eclipse.angus.mail.iap.Response[] r = p.command("STATUS", args);
                if (!r[r.length - 1].isOK()) {
                    return null;
                }
                for (org.eclipse.angus.mail.iap.Response response : r) {
                    java.util.regex.Matcher m = X_GUID.matcher(response.toString());
                    if (response.isUnTagged() && m.find()) {
                        return m.group(1);
                    }
                }
                return null;
            });
            return Optional.ofNullable((String) answer);
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private static final java.util.regex.Pattern X_GUID = java.util.regex.Pattern.compile("X-GUID\\s+\"?([0-9A-Za-z]+)");

    private static Optional<MailRole> specialUse(Folder folder) throws MessagingException {
        if (folder instanceof IMAPFolder imapFolder) {
            for (String attribute : imapFolder.getAttributes()) {
                Optional<MailRole> role = MailRole.ofAttribute(attribute);
                if (role.isPresent()) {
                    return role;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> parentName(Listed l) {
        int cut = l.name().lastIndexOf(l.separator());
        return cut <= 0 ? Optional.empty() : Optional.of(l.name().substring(0, cut));
    }

    private static String displayName(Listed l) {
        if (l.role() == MailRole.INBOX) {
            return "Inbox";
        }
        int cut = l.name().lastIndexOf(l.separator());
        return cut < 0 ? l.name() : l.name().substring(cut + 1);
    }

    /**
     * The IMAP name of the user's Sent folder: the one with the SPECIAL-USE attribute \Sent, else the one with a
     * well-known name; created when the account has none.
     */
    public String sentMailbox(long userId, MailLogin login) {
        Optional<String> known = storedWithRole(userId, MailRole.SENT);
        if (known.isPresent()) {
            return known.get();
        }
        current(userId, login, true);
        return storedWithRole(userId, MailRole.SENT)
                .orElseThrow(() -> new MailUnavailable("the IMAP server of " + login.login() + " has no Sent folder and made none", null));
    }

    /**
     * The IMAP name of the user's Deleted Items: the mailbox with \\Trash (SPECIAL-USE), else a well-known name; empty
     * when the account has none (not made here: a server without one deletes mail for good).
     */
    public Optional<String> trashMailbox(long userId, MailLogin login) {
        Optional<String> known = storedWithRole(userId, MailRole.TRASH);
        if (known.isPresent()) {
            return known;
        }
        current(userId, login, true);
        return storedWithRole(userId, MailRole.TRASH);
    }

    private Optional<String> storedWithRole(long userId, MailRole role) {
        return em.createNamedQuery(MailFolder.OF_USER, MailFolder.class).setParameter("user", userId).getResultStream()
                .filter(f -> f.getImapName() != null && role.name().equals(f.getRole())).map(MailFolder::getImapName).findFirst();
    }

    /** Creates a mailbox below {@code parentId} (null: at the top of the personal namespace); returns its id. */
    public long create(long userId, MailLogin login, Long parentId, String name) {
        try (MailConnection connection = connections.open(login)) {
            Store store = connection.store();
            Folder parent = parentId == null ? personalRoot(store) : store.getFolder(stored(userId, parentId).getImapName());
            String fullName = parent.getFullName().isEmpty() ? name : parent.getFullName() + parent.getSeparator() + name;
            Folder folder = store.getFolder(fullName);
            if (folder.exists() || !folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS)) {
                throw new MailUnavailable("the IMAP server refused to create " + fullName, null);
            }
            MailFolder created = new MailFolder(userId, folder.getFullName(), MailRole.MAIL.name());
            em.persist(created);
            em.flush();
            return created.getId();
        } catch (MessagingException e) {
            throw new MailUnavailable("creating a mailbox failed: " + e.getMessage(), e);
        }
    }

    /** Renames or moves a mailbox; it and everything below it keep their ids. */
    public void rename(long userId, MailLogin login, long id, Long newParentId, String newName) {
        MailFolder moved = stored(userId, id);
        try (MailConnection connection = connections.open(login)) {
            Store store = connection.store();
            Folder folder = store.getFolder(moved.getImapName());
            Folder parent = newParentId == null ? personalRoot(store) : store.getFolder(stored(userId, newParentId).getImapName());
            char separator = folder.getSeparator();
            String target = parent.getFullName().isEmpty() ? newName : parent.getFullName() + separator + newName;
            String oldName = moved.getImapName();
            if (!folder.renameTo(store.getFolder(target))) {
                throw new MailUnavailable("the IMAP server refused to rename " + oldName, null);
            }
            for (MailFolder f : em.createNamedQuery(MailFolder.OF_USER, MailFolder.class).setParameter("user", userId).getResultList()) {
                String name = f.getImapName();
                if (name != null && (name.equals(oldName) || name.startsWith(oldName + separator))) {
                    f.setImapName(target + name.substring(oldName.length()));
                }
            }
        } catch (MessagingException e) {
            throw new MailUnavailable("renaming a mailbox failed: " + e.getMessage(), e);
        }
    }

    /** Deletes a mailbox with everything in and below it. */
    public void delete(long userId, MailLogin login, long id) {
        MailFolder doomed = stored(userId, id);
        try (MailConnection connection = connections.open(login)) {
            Store store = connection.store();
            Folder folder = store.getFolder(doomed.getImapName());
            if (folder.exists() && !folder.delete(true)) {
                throw new MailUnavailable("the IMAP server refused to delete " + doomed.getImapName(), null);
            }
            em.remove(doomed);
        } catch (MessagingException e) {
            throw new MailUnavailable("deleting a mailbox failed: " + e.getMessage(), e);
        }
    }

    private MailFolder stored(long userId, long id) {
        MailFolder f = em.find(MailFolder.class, id);
        if (f == null || f.getUserId() != userId || f.getImapName() == null) {
            throw new IllegalArgumentException("no IMAP mailbox " + id + " of user " + userId);
        }
        return f;
    }

    private static Folder personalRoot(Store store) throws MessagingException {
        Folder[] personal = store.getPersonalNamespaces();
        return personal.length > 0 ? personal[0] : store.getDefaultFolder();
    }
}
