package org.syncbridge.hierarchy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncbridge.mail.MailFolderDirectory;
import org.syncbridge.mail.MailFolderEntry;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.tenant.User;

/**
 * The folders a device sees right now: the IMAP mailboxes, the user's PIM folders, the context's
 * Global Address Book, and, for the device types the context enables, the folders others share with
 * the user and the context's public folders, named with their owner.
 */
@Stateless
public class FolderTree {

    @PersistenceContext
    EntityManager em;

    @EJB
    MailFolderDirectory mailFolders;

    /** The ServerId of the context's address book: not a stored folder, so not a number. */
    public static final String GAL = "gal";

    public Map<String, HierarchyFolder> current(long userId, MailLogin mail, String deviceType) {
        User user = em.find(User.class, userId);
        Map<String, HierarchyFolder> folders = new LinkedHashMap<>();
        for (MailFolderEntry m : mailFolders.current(userId, mail, user.syncsMailSubfolders())) {
            String id = String.valueOf(m.id());
            folders.put(id, new HierarchyFolder(id, m.parentId() == null ? HierarchyFolder.ROOT : String.valueOf(m.parentId()),
                    FolderRole.valueOf(m.role().name()), m.displayName(), true));
        }
        for (Folder f : em.createNamedQuery(Folder.OWNED_BY, Folder.class).setParameter("owner", user).getResultList()) {
            String id = String.valueOf(f.getId());
            folders.put(id, new HierarchyFolder(id, f.getParent() == null ? HierarchyFolder.ROOT : String.valueOf(f.getParent().getId()),
                    pimRole(f), f.getName(), true));
        }
        folders.put(GAL, new HierarchyFolder(GAL, HierarchyFolder.ROOT, FolderRole.CONTACTS, "Global Address Book", false));
        if (user.getContext().showsSharedFoldersTo(deviceType)) {
            List<Folder> others = new ArrayList<>(em.createNamedQuery(Folder.SHARED_WITH, Folder.class).setParameter("user", userId).getResultList());
            others.addAll(em.createNamedQuery(Folder.PUBLIC_IN_CONTEXT, Folder.class)
                    .setParameter("context", user.getContext().getId()).setParameter("user", userId).getResultList());
            for (Folder f : others) {
                String id = String.valueOf(f.getId());
                User owner = f.getOwner();
                String ownerName = owner.getDisplayName() != null ? owner.getDisplayName() : owner.getLoginName();
                folders.putIfAbsent(id, new HierarchyFolder(id, HierarchyFolder.ROOT, sharedRole(f),
                        f.getName() + " (" + ownerName + ")", false));
            }
        }
        return folders;
    }

    private static FolderRole sharedRole(Folder f) {
        return switch (f.getContentType()) {
            case CONTACTS -> FolderRole.CONTACTS;
            case CALENDAR -> FolderRole.CALENDAR;
            case TASKS -> FolderRole.TASKS;
        };
    }

    static FolderRole pimRole(Folder f) {
        return switch (f.getContentType()) {
            case CONTACTS -> f.isDefaultFolder() ? FolderRole.DEFAULT_CONTACTS : FolderRole.CONTACTS;
            case CALENDAR -> f.isDefaultFolder() ? FolderRole.DEFAULT_CALENDAR : FolderRole.CALENDAR;
            case TASKS -> f.isDefaultFolder() ? FolderRole.DEFAULT_TASKS : FolderRole.TASKS;
        };
    }
}
