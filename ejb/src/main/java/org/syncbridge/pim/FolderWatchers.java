package org.syncbridge.pim;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.Set;
import org.syncbridge.jms.ChangeNotice;
import org.syncbridge.jms.ChangeNotices;
import org.syncbridge.jms.WatchKeys;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.folder.FolderShare;
import org.syncbridge.persistence.tenant.User;

/**
 * Tells waiting requests about committed changes to PIM folders: every user who sees a folder (its owner,
 * the users it is shared with, the whole context for a public folder) is concerned. Called inside the
 * writer's transaction, so the notice goes out exactly when the change commits.
 */
@Stateless
public class FolderWatchers {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChangeNotices notices;

    public void itemsChanged(Folder folder) {
        notices.publish(ChangeNotice.items(contextId(folder), seers(folder), WatchKeys.pimFolder(folder.getId())));
    }

    /** The folder was created, renamed, moved, deleted or shared differently: the hierarchies of all who see it changed. */
    public void hierarchyChanged(Folder folder) {
        notices.publish(ChangeNotice.hierarchy(contextId(folder), seers(folder)));
    }

    /** A user's own hierarchy changed (a mail folder of theirs, say): their other devices should know. */
    public void hierarchyChanged(User user) {
        notices.publish(ChangeNotice.hierarchy(user.getContext().getId(), Set.of(user.getId())));
    }

    private Set<Long> seers(Folder folder) {
        Set<Long> users = new HashSet<>();
        users.add(folder.getOwner().getId());
        for (FolderShare share : folder.getShares()) {
            users.add(share.getUserId());
        }
        if (folder.isPublicFolder()) {
            em.createNamedQuery(User.IN_CONTEXT, User.class).setParameter("context", folder.getOwner().getContext())
                    .getResultStream().forEach(u -> users.add(u.getId()));
        }
        return users;
    }

    private static long contextId(Folder folder) {
        return folder.getOwner().getContext().getId();
    }
}
