package org.syncbridge.sync;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.syncbridge.mail.meeting.InvitationQueue;
import org.syncbridge.mail.meeting.InvitationSender;
import org.syncbridge.mail.meeting.OrganizedMeeting;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.persistence.pim.PimItem;
import org.syncbridge.persistence.pim.Tombstone;
import org.syncbridge.persistence.sync.CollectionState;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.pim.AppointmentChange;
import org.syncbridge.pim.FolderAccess;
import org.syncbridge.pim.ItemProperties;
import org.syncbridge.pim.Occurrences;
import org.syncbridge.pim.PimStore;
import org.syncbridge.sync.CommandResult.Outcome;

/**
 * Collection sync, protocol-neutral. A sync key is a promise: the state behind the current key and
 * the one before it are kept, so a repeated previous key is answered again (adds included, without
 * adding twice) instead of forcing the device to start over. Changes are read by modseq since the
 * key's high-water mark, so the cost follows the number of changes, not the folder's size.
 */
@Stateless
public class CollectionSync {
    private static final Logger LOG = Logger.getLogger(CollectionSync.class.getName());
    /** MS-ASCMD caps WindowSize at 512. */
    public static final int MAX_WINDOW = 512;

    @PersistenceContext
    EntityManager em;

    @EJB
    PimStore store;

    @EJB
    InvitationQueue invitations;

    /** The calendar's owner organizing meetings from the phone, when the server tells the attendees (16.0+). */
    private record Organizer(Set<String> own, String primary, String name) {
    }

    /** The state a presented key stands for. */
    private record Basis(int key, long highWater, java.time.Instant windowStart, OwnWrites replayed) {
    }

    public SyncResult sync(SyncRequest request) {
        Optional<Long> folderId = folderId(request.collectionId());
        FolderAccess access = folderId.map(id -> store.access(request.userId(), id)).orElse(FolderAccess.NONE);
        if (!access.readable()) {
            return SyncResult.refused(SyncResult.Status.COLLECTION_GONE);
        }
        CollectionState.Key key = new CollectionState.Key(request.deviceId(), request.collectionId());
        CollectionState state = em.find(CollectionState.class, key);
        if ("0".equals(request.syncKey())) {
            if (state == null) {
                state = new CollectionState(request.deviceId(), request.collectionId());
                em.persist(state);
            }
            state.advance(1, 0, request.windowStart(), null, null, null, null); // a new start: every item comes again, under its ServerId
            state.setGhosted(request.ghosted() == null ? null : String.join(",", new java.util.TreeSet<>(request.ghosted())));
            return new SyncResult(SyncResult.Status.OK, "1", List.of(), List.of(), false);
        }
        Optional<Basis> basis = basis(state, request.syncKey());
        if (basis.isEmpty()) {
            return SyncResult.refused(SyncResult.Status.INVALID_KEY);
        }
        Basis from = basis.get();
        OwnWrites known = OwnWrites.parse(state.getOwnWrites());
        OwnWrites written = new OwnWrites();
        Map<String, ServerChange> restore = new HashMap<>();
        List<CommandResult> results = new ArrayList<>();
        Organizer organizer = request.commands().isEmpty() ? null : organizer(request, folderId.get());
        List<OrganizedMeeting.Notice> notices = new ArrayList<>();
        for (ClientCommand command : request.commands()) {
            results.add(apply(command, folderId.get(), access, request, from, known, written, restore, ghosted(state), organizer, notices));
        }
        known.addAll(written);
        if (!notices.isEmpty()) {
            SyncRequest.MeetingMail mail = request.meetingMail();
            invitations.afterCommit(new InvitationSender.Batch(request.userId(), mail.contextName(), request.deviceId(), mail.login(), notices));
        }

        List<ServerChange> changes = new ArrayList<>(restore.values());
        long highWater = from.highWater();
        java.time.Instant windowStart = from.windowStart();
        boolean more = false;
        if (request.getChanges()) {
            int window = Math.max(1, Math.min(request.windowSize(), MAX_WINDOW));
            DateWindow.Moved moved = DateWindow.move(em, folderId.get(), from.highWater(), from.windowStart(), request.windowStart(),
                    window - changes.size());
            changes.addAll(moved.changes());
            windowStart = moved.reached();
            more = moved.more();
            Set<String> restored = new HashSet<>(restore.keySet());
            for (Object row : more ? List.of() : changedSince(folderId.get(), from.highWater(), window + 1 + known.size())) {
                String serverId = row instanceof PimItem i ? String.valueOf(i.getId()) : String.valueOf(((Tombstone) row).getItemId());
                long modseq = row instanceof PimItem i ? i.getModseq() : ((Tombstone) row).getModseq();
                if (known.wrote(serverId, modseq) || restored.contains(serverId)) {
                    highWater = modseq;
                    continue;
                }
                if (changes.size() >= window) {
                    more = true;
                    break;
                }
                boolean isNew = row instanceof PimItem i && i.getCreatedModseq() > from.highWater();
                if (row instanceof PimItem i && DateWindow.before(i.getSpanEnd(), windowStart)) {
                    if (!isNew) { // changed to before the window: the device may hold it
                        changes.add(new ServerChange(ServerChange.Kind.SOFT_DELETE, serverId, null));
                    }
                } else {
                    changes.add(row instanceof PimItem i
                            ? new ServerChange(isNew ? ServerChange.Kind.ADD : ServerChange.Kind.CHANGE, serverId, ItemProperties.fromJson(i.getProperties()))
                            : new ServerChange(ServerChange.Kind.DELETE, serverId, null));
                }
                highWater = modseq;
            }
        }
        boolean unchanged = request.commands().isEmpty() && changes.isEmpty() && highWater == from.highWater()
                && java.util.Objects.equals(windowStart, from.windowStart()) && from.key() == state.getSyncKey();
        if (unchanged) {
            return new SyncResult(SyncResult.Status.OK, String.valueOf(from.key()), results, changes, false);
        }
        int newKey = from.key() + 1;
        state.advance(newKey, highWater, windowStart, from.key(), from.highWater(), from.windowStart(), known.keep(written, highWater));
        return new SyncResult(SyncResult.Status.OK, String.valueOf(newKey), results, changes, more);
    }

    private CommandResult apply(ClientCommand command, long folderId, FolderAccess access, SyncRequest request, Basis from,
                                OwnWrites known, OwnWrites written, Map<String, ServerChange> restore, Set<String> ghosted,
                                Organizer organizer, List<OrganizedMeeting.Notice> notices) {
        if (command instanceof ClientCommand.Add add) {
            String earlier = from.replayed().addsByClientId().get(add.clientId());
            if (earlier != null) {
                written.add(add.clientId(), earlier, store.find(folderId, Long.parseLong(earlier)).map(PimItem::getModseq).orElse(0L));
                return new CommandResult(command, earlier, Outcome.OK, null);
            }
            if (add.properties() == null) {
                return new CommandResult(command, null, Outcome.INVALID, null);
            }
            if (access != FolderAccess.READ_WRITE) {
                return new CommandResult(command, null, Outcome.DENIED, null);
            }
            PimItem item = store.add(folderId, organized(organizer, null, add.properties()));
            announce(organizer, null, item, notices);
            written.add(add.clientId(), String.valueOf(item.getId()), item.getModseq());
            return new CommandResult(command, String.valueOf(item.getId()), Outcome.OK, null);
        }
        String serverId = command instanceof ClientCommand.Change c ? c.serverId()
                : command instanceof ClientCommand.Delete d ? d.serverId() : ((ClientCommand.Fetch) command).serverId();
        Optional<PimItem> item = itemId(serverId).flatMap(id -> store.find(folderId, id));
        if (item.isEmpty()) {
            return new CommandResult(command, serverId, Outcome.NOT_FOUND, null);
        }
        PimItem current = item.get();
        String instanceId = command instanceof ClientCommand.Change c ? c.instanceId() : command instanceof ClientCommand.Delete d ? d.instanceId() : null;
        if (instanceId != null && !isInstant(instanceId)) {
            return new CommandResult(command, serverId, Outcome.INVALID, null);
        }
        Map<String, Object> stored = ItemProperties.fromJson(current.getProperties());
        if (command instanceof ClientCommand.Fetch) {
            return new CommandResult(command, serverId, Outcome.OK, stored);
        }
        if (access != FolderAccess.READ_WRITE) {
            LOG.info(() -> "Refused a change to read-only item " + serverId + "; restoring the device's copy");
            restore.put(serverId, new ServerChange(command instanceof ClientCommand.Delete ? ServerChange.Kind.ADD : ServerChange.Kind.CHANGE,
                    serverId, stored));
            return new CommandResult(command, serverId, Outcome.DENIED, null);
        }
        boolean ownVersion = known.wrote(serverId, current.getModseq()) || written.wrote(serverId, current.getModseq());
        if (current.getModseq() > from.highWater() && request.serverWins() && !ownVersion) {
            return new CommandResult(command, serverId, Outcome.CONFLICT, null); // the server's version is among the changes
        }
        if (command instanceof ClientCommand.Delete delete) {
            if (delete.instanceId() != null) { // one occurrence goes; the series stays
                PimItem changed = store.change(current, organized(organizer, stored, Occurrences.deleted(stored, delete.instanceId())));
                announce(organizer, stored, changed, notices);
                written.add(null, serverId, changed.getModseq());
            } else {
                written.add(null, serverId, store.delete(current));
                if (organizer != null) {
                    notices.addAll(OrganizedMeeting.notices(stored, null, organizer.own()));
                }
            }
            return new CommandResult(command, serverId, Outcome.OK, null);
        }
        ClientCommand.Change change = (ClientCommand.Change) command;
        Map<String, Object> sent = change.properties();
        if (sent == null) {
            return new CommandResult(command, serverId, Outcome.INVALID, null);
        }
        // replaced: what the change carried, and what the client manages and left out unless it declared it ghosted
        Set<String> replaced = new HashSet<>(change.present());
        replaced.addAll(sent.keySet());
        request.clientProperties().stream().filter(p -> !ghosted.contains(p)).forEach(replaced::add);
        boolean appointment = current.getItemClass() == ItemClass.EVENT;
        Map<String, Object> merged;
        boolean phoneOutdated = false;
        if (change.instanceId() != null) {
            merged = Occurrences.changed(stored, change.instanceId(),
                    appointment ? AppointmentChange.ofOccurrence(stored, sent, ownerAddresses(folderId)) : sent);
        } else if (appointment) {
            AppointmentChange.Applied applied = AppointmentChange.apply(stored, sent, replaced, ownerAddresses(folderId));
            merged = applied.properties();
            phoneOutdated = applied.phoneOutdated();
        } else {
            merged = new HashMap<>(stored);
            merged.keySet().removeAll(replaced);
            merged.putAll(sent);
        }
        PimItem changed = store.change(current, appointment ? organized(organizer, stored, merged) : merged);
        announce(organizer, stored, changed, notices);
        written.add(null, serverId, changed.getModseq());
        if (phoneOutdated) {
            LOG.info(() -> "Kept meeting " + serverId + " as its organizer made it; sending it back to the attendee's device");
            restore.put(serverId, new ServerChange(ServerChange.Kind.CHANGE, serverId, ItemProperties.fromJson(changed.getProperties())));
        }
        return new CommandResult(command, serverId, Outcome.OK, null);
    }

    /**
     * The organizer whose meetings the server announces: the calendar's owner syncing it at 16.0 or later; null
     * otherwise (the phone sends the invitations itself, or the folder is no calendar of the user's).
     */
    private Organizer organizer(SyncRequest request, long folderId) {
        Folder folder = em.find(Folder.class, folderId);
        if (request.meetingMail() == null || ItemClass.of(folder.getContentType()) != ItemClass.EVENT
                || folder.getOwner().getId() != request.userId()) {
            return null;
        }
        User owner = folder.getOwner();
        return new Organizer(ownerAddresses(folderId), owner.getPrimaryEmail(), owner.getDisplayName());
    }

    /** The appointment to store: as the organizer's attendees are to know it (organizer, SEQUENCE). */
    private static Map<String, Object> organized(Organizer organizer, Map<String, Object> before, Map<String, Object> after) {
        return organizer == null ? after : OrganizedMeeting.stored(before, after, organizer.own(), organizer.primary(), organizer.name());
    }

    /** The invitations or cancellations the write calls for, sent after commit. */
    private static void announce(Organizer organizer, Map<String, Object> before, PimItem after, List<OrganizedMeeting.Notice> notices) {
        if (organizer != null) {
            notices.addAll(OrganizedMeeting.notices(before, ItemProperties.fromJson(after.getProperties()), organizer.own()));
        }
    }

    /** What the collection's state says the client ghosts (MS-ASCMD 2.2.3.179): none unless its SyncKey 0 declared some. */
    private static Set<String> ghosted(CollectionState state) {
        String ghosted = state.getGhosted();
        return ghosted == null || ghosted.isEmpty() ? Set.of() : new HashSet<>(java.util.Arrays.asList(ghosted.split(",")));
    }

    /** The addresses of a folder's owner: a meeting organized by none of them is someone else's. */
    private Set<String> ownerAddresses(long folderId) {
        User owner = em.find(Folder.class, folderId).getOwner();
        Set<String> addresses = new HashSet<>(owner.getAliases());
        if (owner.getPrimaryEmail() != null) {
            addresses.add(owner.getPrimaryEmail());
        }
        if (owner.getLoginName().contains("@")) {
            addresses.add(owner.getLoginName());
        }
        return addresses;
    }

    /**
     * How many changes the next sync with {@code syncKey} would bring (without the device's own writes), for a
     * client whose date window starts at {@code windowStart} (null: none).
     */
    public Estimate estimate(long deviceId, long userId, String collectionId, String syncKey, java.time.Instant windowStart) {
        Optional<Long> folderId = folderId(collectionId);
        if (folderId.isEmpty() || !store.access(userId, folderId.get()).readable()) {
            return new Estimate(Estimate.Status.COLLECTION_GONE, 0);
        }
        CollectionState state = em.find(CollectionState.class, new CollectionState.Key(deviceId, collectionId));
        if ("0".equals(syncKey)) {
            return new Estimate(Estimate.Status.NOT_PRIMED, 0);
        }
        Optional<Basis> basis = basis(state, syncKey);
        if (basis.isEmpty()) {
            return new Estimate(Estimate.Status.INVALID_KEY, 0);
        }
        long since = basis.get().highWater();
        long items = em.createNamedQuery(PimItem.COUNT_CHANGED_SINCE, Long.class).setParameter("folder", folderId.get())
                .setParameter("since", since).setParameter("windowStart", windowStart == null ? DateWindow.DAWN : windowStart)
                .getSingleResult();
        items += DateWindow.count(em, folderId.get(), since, basis.get().windowStart(), windowStart);
        long deletes = em.createNamedQuery(Tombstone.COUNT_DELETED_SINCE, Long.class).setParameter("folder", folderId.get())
                .setParameter("since", since).getSingleResult();
        long own = OwnWrites.parse(state.getOwnWrites()).countAbove(since);
        return new Estimate(Estimate.Status.OK, Math.max(0, items + deletes - own));
    }

    /** The kind of items a collection holds, when the user may read it. */
    public Optional<ItemClass> itemClass(long userId, String collectionId) {
        return folderId(collectionId).filter(id -> store.access(userId, id).readable())
                .map(id -> ItemClass.of(em.find(Folder.class, id).getContentType()));
    }

    /** Items and tombstones changed since the high-water mark, in modseq order, at most {@code limit}. */
    private List<Object> changedSince(long folderId, long since, int limit) {
        List<Object> rows = new ArrayList<>();
        rows.addAll(em.createNamedQuery(PimItem.CHANGED_SINCE, PimItem.class).setParameter("folder", folderId)
                .setParameter("since", since).setMaxResults(limit).getResultList());
        rows.addAll(em.createNamedQuery(Tombstone.DELETED_SINCE, Tombstone.class).setParameter("folder", folderId)
                .setParameter("since", since).setMaxResults(limit).getResultList());
        rows.sort((a, b) -> Long.compare(modseq(a), modseq(b)));
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private static long modseq(Object row) {
        return row instanceof PimItem i ? i.getModseq() : ((Tombstone) row).getModseq();
    }

    private static Optional<Basis> basis(CollectionState state, String presented) {
        Optional<Integer> number = SyncKeys.handedOut(presented);
        if (state == null || number.isEmpty()) {
            return Optional.empty();
        }
        int key = number.get();
        if (key == state.getSyncKey()) {
            return Optional.of(new Basis(key, state.getHighWater(), state.getWindowStart(), new OwnWrites()));
        }
        if (state.getPreviousSyncKey() != null && key == state.getPreviousSyncKey()) {
            return Optional.of(new Basis(key, state.getPreviousHighWater(), state.getPreviousWindowStart(), OwnWrites.parse(state.getOwnWrites())));
        }
        return Optional.empty();
    }

    private static boolean isInstant(String text) {
        try {
            java.time.Instant.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static Optional<Long> folderId(String collectionId) {
        return itemId(collectionId);
    }

    private static Optional<Long> itemId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
