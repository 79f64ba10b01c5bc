package org.syncbridge.pim;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.syncbridge.directory.ContactKeys;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.folder.FolderShare;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.persistence.pim.PimItem;
import org.syncbridge.persistence.pim.Tombstone;
import org.syncbridge.persistence.tenant.User;

/**
 * Contacts, appointments and tasks. Every write locks its folder's row, then takes the next modseq,
 * so a folder's modseqs follow commit order; a delete leaves a tombstone in the same transaction.
 * Permissions are checked by the callers through {@link #access}.
 */
@Stateless
public class PimStore {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/datasources/SyncbridgeDS")
    DataSource dataSource;

    @jakarta.ejb.EJB
    FolderWatchers watchers;

    /** What {@code userId} may do in the folder: its owner and writable shares write, readers and the public read. */
    public FolderAccess access(long userId, long folderId) {
        Folder folder = em.find(Folder.class, folderId);
        if (folder == null) {
            return FolderAccess.NONE;
        }
        if (folder.getOwner().getId() == userId) {
            return FolderAccess.READ_WRITE;
        }
        for (FolderShare share : folder.getShares()) {
            if (share.getUserId() == userId) {
                return share.isWritable() ? FolderAccess.READ_WRITE : FolderAccess.READ_ONLY;
            }
        }
        User user = em.find(User.class, userId);
        return folder.isPublicFolder() && folder.getOwner().getContext().getId().equals(user.getContext().getId())
                ? FolderAccess.READ_ONLY : FolderAccess.NONE;
    }

    public Optional<PimItem> find(long folderId, long itemId) {
        PimItem item = em.find(PimItem.class, itemId);
        return item != null && item.getFolderId() == folderId ? Optional.of(item) : Optional.empty();
    }

    public PimItem add(long folderId, Map<String, Object> properties) {
        Folder folder = lock(folderId);
        long modseq = nextModseq(folder);
        ItemClass itemClass = ItemClass.of(folder.getContentType());
        Map<String, Object> kept = itemClass == ItemClass.EVENT ? Appointments.normalized(properties) : properties;
        PimItem item = new PimItem(folderId, itemClass, uid(kept), modseq, ItemProperties.toJson(kept));
        item.setSpanEnd(spanEnd(itemClass, kept));
        keep(item, kept);
        em.persist(item);
        em.flush();
        return item;
    }

    /**
     * Rewrites the item. An appointment keeps its UID when {@code properties} have none (a phone's Change may leave
     * it out): meetings are found by it.
     */
    public PimItem change(PimItem item, Map<String, Object> properties) {
        Folder folder = lock(item.getFolderId());
        Map<String, Object> kept = properties;
        if (item.getItemClass() == ItemClass.EVENT) {
            if (uid(properties) == null && item.getUid() != null) {
                kept = new HashMap<>(properties);
                kept.put("uid", item.getUid());
            }
            kept = Appointments.normalized(kept);
        }
        item.setUid(uid(kept));
        item.rewrite(ItemProperties.toJson(kept), nextModseq(folder));
        item.setSpanEnd(spanEnd(item.getItemClass(), kept));
        keep(item, kept);
        return item;
    }

    private static java.time.Instant spanEnd(ItemClass itemClass, Map<String, Object> properties) {
        return itemClass == ItemClass.EVENT ? Appointments.spanEnd(properties).orElse(null) : null;
    }

    /** Deletes the item and leaves its tombstone; returns the tombstone's modseq. */
    public long delete(PimItem item) {
        Folder folder = lock(item.getFolderId());
        long modseq = nextModseq(folder);
        em.persist(new Tombstone(item.getId(), item.getFolderId(), modseq));
        em.remove(item);
        return modseq;
    }

    /**
     * Gives every contact of a folder its lookup keys, once: folders from before the keys existed get them
     * at their first lookup. Under the folder's lock, like every write, so no write is missed.
     */
    public void indexContacts(long folderId) {
        Folder folder = lock(folderId);
        if (folder == null || folder.isContactKeysIndexed()) {
            return;
        }
        em.createNamedQuery(PimItem.CHANGED_SINCE, PimItem.class).setParameter("folder", folderId).setParameter("since", 0L)
                .getResultStream().forEach(item -> keep(item, ItemProperties.fromJson(item.getProperties())));
        folder.setContactKeysIndexed(true);
    }

    /** A contact's lookup keys follow its properties (recipient resolution reads them). */
    private static void keep(PimItem item, Map<String, Object> properties) {
        if (item.getItemClass() == ItemClass.CONTACT) {
            item.getContactKeys().clear();
            item.getContactKeys().addAll(ContactKeys.of(item.getFolderId(), properties));
        }
    }

    /**
     * Moves the item into another folder of its class: it lives on there under a new id (so moving it
     * back never meets its own tombstone), and its tombstone in the source names that id. Both folders
     * are locked in id order, so two opposite moves cannot deadlock.
     */
    public Moved move(PimItem item, long destinationId) {
        long sourceId = item.getFolderId();
        lockBoth(sourceId, destinationId);
        Folder source = em.find(Folder.class, sourceId);
        Folder destination = em.find(Folder.class, destinationId);
        PimItem moved = new PimItem(destinationId, item.getItemClass(), item.getUid(), nextModseq(destination), item.getProperties());
        moved.setSpanEnd(item.getSpanEnd());
        keep(moved, ItemProperties.fromJson(item.getProperties()));
        em.persist(moved);
        em.flush();
        Tombstone left = Tombstone.moved(item.getId(), sourceId, nextModseq(source), moved.getId());
        em.persist(left);
        em.remove(item);
        return new Moved(moved, left);
    }

    /**
     * Locks two folders in id order. A caller that locks before it reads the item sees a concurrent
     * move or delete of it as done, never as a second tombstone for the same item.
     */
    public void lockBoth(long folderId, long otherFolderId) {
        lock(Math.min(folderId, otherFolderId));
        lock(Math.max(folderId, otherFolderId));
    }

    /** What a move wrote: the item in its new folder and the tombstone in the old one. */
    public record Moved(PimItem item, Tombstone tombstone) {
    }

    /** The tombstone an item left in the folder, if it was deleted or moved away from there. */
    public Optional<Tombstone> tombstone(long folderId, long itemId) {
        Tombstone t = em.find(Tombstone.class, itemId);
        return t != null && t.getFolderId() == folderId ? Optional.of(t) : Optional.empty();
    }

    /** The appointments with this iCalendar UID in the user's own calendars, oldest first (by an index, not a scan). */
    public List<PimItem> appointmentsWithUid(long ownerId, String uid) {
        return em.createNamedQuery(PimItem.OWN_APPOINTMENTS_WITH_UID, PimItem.class).setParameter("owner", ownerId)
                .setParameter("uid", uid).getResultList();
    }

    /** Locks the folder's row as every write does: a caller that reads before it writes sees the others' writes done. */
    public void lockFolder(long folderId) {
        lock(folderId);
    }

    private Folder lock(long folderId) {
        return em.find(Folder.class, folderId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Every write passes here: it takes the folder's next modseq and tells the folder's watchers. */
    private long nextModseq(Folder folder) {
        long modseq = ModSeq.next(em, dataSource);
        folder.setModseq(modseq);
        watchers.itemsChanged(folder);
        return modseq;
    }

    private static String uid(Map<String, Object> properties) {
        Object uid = properties.get("uid");
        return uid instanceof String s && !s.isEmpty() && s.length() <= 255 ? s : null;
    }
}
