package org.syncbridge.sync;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.mail.MailFolder;
import org.syncbridge.persistence.pim.PimItem;
import org.syncbridge.persistence.pim.Tombstone;
import org.syncbridge.persistence.sync.CollectionState;
import org.syncbridge.pim.FolderAccess;
import org.syncbridge.pim.ItemProperties;
import org.syncbridge.pim.PimStore;

/**
 * Item commands outside a Sync: moving a PIM item between folders of its class, and reading one
 * item. A move is a write in both folders, in one transaction: every device sees a Delete in the
 * source and an Add in the destination, except the device that moved, which already has the item
 * under its new id (clients such as Outlook and Windows Mail keep the moved copy and would show a
 * second one); both writes are recorded as its own, like the writes it sends in a Sync.
 */
@Stateless
public class ItemOperations {
    private static final Logger LOG = Logger.getLogger(ItemOperations.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    PimStore store;

    @EJB
    org.syncbridge.mail.sync.MailMoves mailMoves;

    public MoveResult move(long deviceId, long userId, org.syncbridge.mail.MailLogin login, String sourceCollection, String serverId,
                           String destinationCollection) {
        Optional<Long> sourceId = number(sourceCollection);
        Optional<Long> destinationId = number(destinationCollection);
        FolderAccess source = sourceId.map(id -> store.access(userId, id)).orElse(FolderAccess.NONE);
        FolderAccess destination = destinationId.map(id -> store.access(userId, id)).orElse(FolderAccess.NONE);
        if (!source.readable() && !mailFolder(userId, sourceId)) {
            return MoveResult.refused(MoveResult.Status.INVALID_SOURCE);
        }
        if (!destination.readable() && !mailFolder(userId, destinationId)) {
            return MoveResult.refused(MoveResult.Status.INVALID_DESTINATION);
        }
        if (sourceId.equals(destinationId)) {
            return MoveResult.refused(MoveResult.Status.SAME_FOLDER);
        }
        if (!source.readable() && !destination.readable()) {
            return mailMoves.move(deviceId, userId, login, sourceId.get(), serverId, destinationId.get());
        }
        if (!source.readable() || !destination.readable()) {
            return MoveResult.refused(MoveResult.Status.FAILED); // mail and PIM items do not mix
        }
        if (em.find(Folder.class, sourceId.get()).getContentType() != em.find(Folder.class, destinationId.get()).getContentType()) {
            return MoveResult.refused(MoveResult.Status.FAILED);
        }
        if (source != FolderAccess.READ_WRITE || destination != FolderAccess.READ_WRITE) {
            return MoveResult.refused(MoveResult.Status.DENIED);
        }
        store.lockBoth(sourceId.get(), destinationId.get());
        Optional<Long> itemId = number(serverId);
        Optional<PimItem> item = itemId.flatMap(id -> store.find(sourceId.get(), id));
        if (item.isEmpty()) {
            return itemId.flatMap(id -> alreadyMoved(deviceId, sourceId.get(), id, destinationId.get()))
                    .orElse(MoveResult.refused(MoveResult.Status.INVALID_SOURCE));
        }
        PimStore.Moved moved = store.move(item.get(), destinationId.get());
        return recordedAsOwn(deviceId, moved.tombstone(), moved.item());
    }

    /** A repeated move (its answer was lost): the same DstMsgId again, as long as the item is still where it went. */
    private Optional<MoveResult> alreadyMoved(long deviceId, long sourceId, long itemId, long destinationId) {
        return store.tombstone(sourceId, itemId).filter(t -> t.getMovedTo() != null)
                .flatMap(t -> store.find(destinationId, t.getMovedTo()).map(item -> recordedAsOwn(deviceId, t, item)));
    }

    private MoveResult recordedAsOwn(long deviceId, Tombstone left, PimItem arrived) {
        ownWrite(deviceId, left.getFolderId(), String.valueOf(left.getItemId()), left.getModseq());
        ownWrite(deviceId, arrived.getFolderId(), String.valueOf(arrived.getId()), arrived.getCreatedModseq());
        return new MoveResult(MoveResult.Status.MOVED, String.valueOf(arrived.getId()));
    }

    /** Only a device that syncs the folder has a state to record in; one that starts later gets the item anyway. */
    private void ownWrite(long deviceId, long folderId, String serverId, long modseq) {
        CollectionState state = em.find(CollectionState.class, new CollectionState.Key(deviceId, String.valueOf(folderId)));
        if (state != null) {
            state.setOwnWrites(OwnWrites.including(state.getOwnWrites(), serverId, modseq));
        }
    }

    public FetchResult fetch(long userId, String collectionId, String serverId) {
        Optional<Long> folderId = number(collectionId);
        if (folderId.isEmpty() || !store.access(userId, folderId.get()).readable()) {
            return FetchResult.refused(mailFolder(userId, folderId) ? FetchResult.Status.MAIL : FetchResult.Status.NOT_FOUND);
        }
        return number(serverId).flatMap(id -> store.find(folderId.get(), id))
                .map(item -> new FetchResult(FetchResult.Status.OK, item.getItemClass(), ItemProperties.fromJson(item.getProperties())))
                .orElse(FetchResult.refused(FetchResult.Status.NOT_FOUND));
    }

    /** Whether the collection is one of the user's folders (PIM or mail). */
    public boolean knownFolder(long userId, String collectionId) {
        Optional<Long> id = number(collectionId);
        return id.map(i -> store.access(userId, i).readable()).orElse(false) || mailFolder(userId, id);
    }

    private boolean mailFolder(long userId, Optional<Long> id) {
        return id.map(i -> em.find(MailFolder.class, i)).filter(f -> f.getUserId() == userId).isPresent();
    }

    private static Optional<Long> number(String id) {
        try {
            return Optional.of(Long.parseLong(id.trim()));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
