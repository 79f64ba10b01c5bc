package org.syncbridge.pim;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.folder.FolderShare;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.tenant.AdminScope;
import org.syncbridge.tenant.RequestRejected;

/** Who else sees a user's PIM folders: users of the same context it is shared with, or all (public). */
@Stateless
public class FolderSharing {

    @PersistenceContext
    EntityManager em;

    @jakarta.ejb.EJB
    FolderWatchers watchers;

    public List<FolderInfo> list(AdminIdentity caller, String context, String login) {
        User owner = AdminScope.user(em, caller, context, login);
        return em.createNamedQuery(Folder.OWNED_BY, Folder.class).setParameter("owner", owner).getResultStream()
                .map(this::info).toList();
    }

    /** Shares the folder with {@code grantee} (a user of the same context), read-only or read-write. */
    public FolderInfo share(AdminIdentity caller, String context, String login, long folderId, String grantee, boolean writable) {
        Folder folder = find(caller, context, login, folderId);
        User with = AdminScope.user(em, caller, context, grantee);
        if (with.getId().equals(folder.getOwner().getId())) {
            throw RequestRejected.invalid("a folder is not shared with its owner");
        }
        folder.getShares().removeIf(s -> s.getUserId() == with.getId());
        folder.getShares().add(new FolderShare(with.getId(), writable));
        watchers.hierarchyChanged(folder);
        return info(folder);
    }

    public FolderInfo unshare(AdminIdentity caller, String context, String login, long folderId, String grantee) {
        Folder folder = find(caller, context, login, folderId);
        User with = AdminScope.user(em, caller, context, grantee);
        watchers.hierarchyChanged(folder); // before: the former grantee is among those concerned
        folder.getShares().removeIf(s -> s.getUserId() == with.getId());
        return info(folder);
    }

    public FolderInfo setPublic(AdminIdentity caller, String context, String login, long folderId, Boolean publicFolder) {
        if (publicFolder == null) {
            throw RequestRejected.invalid("name publicFolder: true or false");
        }
        Folder folder = find(caller, context, login, folderId);
        if (folder.isPublicFolder() != publicFolder) { // the public one's readers are the whole context
            if (folder.isPublicFolder()) {
                watchers.hierarchyChanged(folder);
            }
            folder.setPublicFolder(publicFolder);
            if (publicFolder) {
                watchers.hierarchyChanged(folder);
            }
        }
        return info(folder);
    }

    private Folder find(AdminIdentity caller, String context, String login, long folderId) {
        User owner = AdminScope.user(em, caller, context, login);
        Folder folder = em.find(Folder.class, folderId);
        if (folder == null || !folder.getOwner().getId().equals(owner.getId())) {
            throw RequestRejected.notFound("no folder " + folderId + " of user '" + login + "'");
        }
        return folder;
    }

    private FolderInfo info(Folder f) {
        List<FolderInfo.ShareInfo> shares = f.getShares().stream()
                .map(s -> new FolderInfo.ShareInfo(em.find(User.class, s.getUserId()).getLoginName(), s.isWritable()))
                .sorted(Comparator.comparing(FolderInfo.ShareInfo::login)).toList();
        return new FolderInfo(f.getId(), f.getName(), f.getContentType().name().toLowerCase(Locale.ROOT), f.isDefaultFolder(),
                f.isPublicFolder(), shares);
    }
}
