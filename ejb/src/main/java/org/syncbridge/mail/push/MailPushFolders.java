package org.syncbridge.mail.push;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.syncbridge.jms.ChangeNotice;
import org.syncbridge.jms.ChangeNotices;
import org.syncbridge.jms.WatchKeys;
import org.syncbridge.mail.sync.MailSnapshot;
import org.syncbridge.persistence.mail.MailFolder;
import org.syncbridge.persistence.mail.MailSyncState;
import org.syncbridge.persistence.sync.CollectionState;

/**
 * The database side of mail push: which IMAP mailboxes the watched ids are, what the device's sync states saw of
 * them, and the change notices it sends.
 */
@Stateless
public class MailPushFolders {
    private static final Logger LOG = Logger.getLogger(MailPushFolders.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    ChangeNotices notices;

    /** The IMAP names of the user's folders among {@code ids}, read by key; the local Outbox and others' ids are left out. */
    public Map<String, String> imapNames(long userId, Collection<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : ids) {
            try {
                MailFolder f = em.find(MailFolder.class, Long.parseLong(id));
                if (f != null && f.getUserId() == userId && f.getImapName() != null) {
                    names.put(id, f.getImapName());
                }
            } catch (NumberFormatException e) {
                // not a mail folder id
            }
        }
        return names;
    }

    /**
     * What the device's sync states of the folders {@code ids} saw, by folder id, read by key; folders the device never
     * synced (or whose state cannot be read) are left out.
     */
    public Map<String, SyncedFolder> synced(long deviceId, Collection<String> ids) {
        Map<String, SyncedFolder> synced = new LinkedHashMap<>();
        for (String id : ids) {
            MailSyncState state = em.find(MailSyncState.class, new CollectionState.Key(deviceId, id));
            if (state == null || state.getSnapshot() == null) {
                continue;
            }
            try {
                synced.put(id, SyncedFolder.of(MailSnapshot.decode(state.getSnapshot())));
            } catch (RuntimeException e) {
                LOG.warning(() -> "The mail sync state of device " + deviceId + ", folder " + id + " cannot be read: " + e);
            }
        }
        return synced;
    }

    /** Tells every node that the folder changed; the topic → push hub path wakes the requests watching it. */
    public void changed(long contextId, long userId, String folderId) {
        notices.publish(ChangeNotice.items(contextId, Set.of(userId), WatchKeys.mailFolder(userId, folderId)));
    }
}
