package org.syncbridge.hierarchy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.syncbridge.mail.MailFolderDirectory;
import org.syncbridge.mail.MailFolderEntry;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.tenant.User;

/** The folders a user's devices see right now: the IMAP mailboxes and the user's PIM folders. */
@Stateless
public class FolderTree {

    @PersistenceContext
    EntityManager em;

    @EJB
    MailFolderDirectory mailFolders;

    public Map<String, HierarchyFolder> current(long userId, MailLogin mail) {
        User user = em.find(User.class, userId);
        Map<String, HierarchyFolder> folders = new LinkedHashMap<>();
        for (MailFolderEntry m : mailFolders.current(userId, mail, user.syncsMailSubfolders())) {
            String id = String.valueOf(m.id());
            folders.put(id, new HierarchyFolder(id, m.parentId() == null ? HierarchyFolder.ROOT : String.valueOf(m.parentId()),
                    FolderRole.valueOf(m.role().name()), m.displayName()));
        }
        for (Folder f : em.createNamedQuery(Folder.OWNED_BY, Folder.class).setParameter("owner", user).getResultList()) {
            String id = String.valueOf(f.getId());
            folders.put(id, new HierarchyFolder(id, f.getParent() == null ? HierarchyFolder.ROOT : String.valueOf(f.getParent().getId()),
                    pimRole(f), f.getName()));
        }
        return folders;
    }

    static FolderRole pimRole(Folder f) {
        return switch (f.getContentType()) {
            case CONTACTS -> f.isDefaultFolder() ? FolderRole.DEFAULT_CONTACTS : FolderRole.CONTACTS;
            case CALENDAR -> f.isDefaultFolder() ? FolderRole.DEFAULT_CALENDAR : FolderRole.CALENDAR;
            case TASKS -> f.isDefaultFolder() ? FolderRole.DEFAULT_TASKS : FolderRole.TASKS;
        };
    }
}
