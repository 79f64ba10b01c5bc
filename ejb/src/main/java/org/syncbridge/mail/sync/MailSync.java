package org.syncbridge.mail.sync;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailRole;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.meeting.MeetingInbox;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.mail.message.BodyType;
import org.syncbridge.mail.message.ChosenBody;
import org.syncbridge.mail.message.ChosenBodyPart;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.persistence.mail.MailFolder;
import org.syncbridge.persistence.mail.MailSyncState;
import org.syncbridge.persistence.sync.CollectionState;
import org.syncbridge.sync.ClientCommand;
import org.syncbridge.sync.CommandResult;
import org.syncbridge.sync.CommandResult.Outcome;
import org.syncbridge.sync.Estimate;
import org.syncbridge.sync.ServerChange;
import org.syncbridge.sync.SyncKeys;
import org.syncbridge.sync.SyncResult;

/**
 * Collection sync of a mail folder against IMAP. The device's state is a {@link MailSnapshot}: what it holds,
 * not a copy of the folder. Each sync selects the mailbox, finds the mail the device lacks and the mail it holds
 * that went away (a UID SEARCH, compact with ESEARCH), and the flag changes since the snapshot's HIGHESTMODSEQ
 * (CONDSTORE) or, without CONDSTORE, by comparing flags. With CONDSTORE and nothing pending, an unchanged
 * HIGHESTMODSEQ ends the sync after the SELECT. Newest mail comes first; a repeated previous key is answered
 * again from the snapshot behind it.
 */
@Stateless
public class MailSync {
    private static final Logger LOG = Logger.getLogger(MailSync.class.getName());
    private static final int MAX_WINDOW = 512;

    @PersistenceContext
    EntityManager em;

    @Inject
    ImapConnections connections;

    @Inject
    MailItems items;

    @EJB
    MeetingInbox meetings;

    /** The state a presented key stands for, and the text it is stored as. */
    private record Basis(int key, MailSnapshot snapshot, String text) {
    }

    /** Whether the collection is one of the user's mail folders. */
    public boolean isMailFolder(long userId, String collectionId) {
        return MailAccount.folder(em, userId, collectionId).isPresent();
    }

    public SyncResult sync(MailSyncRequest r) {
        Optional<MailFolder> folder = MailAccount.folder(em, r.userId(), r.collectionId());
        if (folder.isEmpty()) {
            return new SyncResult(SyncResult.Status.COLLECTION_GONE, null, List.of(), List.of(), false);
        }
        CollectionState.Key key = new CollectionState.Key(r.deviceId(), r.collectionId());
        MailSyncState state = em.find(MailSyncState.class, key);
        if ("0".equals(r.syncKey())) {
            if (state == null) {
                state = new MailSyncState(r.deviceId(), r.collectionId(), MailSnapshot.empty().encode());
                em.persist(state);
            }
            state.advance(1, MailSnapshot.empty().encode(), null, null); // a new start: every mail comes again
            return new SyncResult(SyncResult.Status.OK, "1", List.of(), List.of(), false);
        }
        Optional<Basis> basis = basis(state, r.syncKey());
        if (basis.isEmpty()) {
            return new SyncResult(SyncResult.Status.INVALID_KEY, null, List.of(), List.of(), false);
        }
        if (folder.get().getImapName() == null) { // the Outbox kept here: mail is sent, never stored in it
            List<CommandResult> results = r.commands().stream().map(c -> new CommandResult(c, ClientCommands.serverIdOf(c), Outcome.NOT_FOUND, null)).toList();
            return new SyncResult(SyncResult.Status.OK, String.valueOf(basis.get().key()), results, List.of(), false);
        }
        try (MailConnection connection = connections.open(r.login())) {
            SyncResult result = sync(r, folder.get(), state, basis.get(), connection);
            if (MailRole.INBOX.name().equals(folder.get().getRole())) {
                lookForInvitations(r.userId(), connection);
            }
            return result;
        } catch (MessagingException e) {
            throw new MailUnavailable("syncing " + folder.get().getImapName() + " of " + r.login().login() + " failed: " + e.getMessage(), e);
        }
    }

    /** New mail in the Inbox may carry invitations for the calendar; looking for them never fails the Inbox's Sync. */
    private void lookForInvitations(long userId, MailConnection connection) {
        try {
            meetings.catchUp(userId, connection); // the Inbox it keeps selected, looked at in place
        } catch (RuntimeException e) {
            LOG.warning(() -> "The Inbox of user " + userId + " was not looked at for invitations: " + e);
        }
    }

    private SyncResult sync(MailSyncRequest r, MailFolder folder, MailSyncState state, Basis basis, MailConnection connection)
            throws MessagingException {
        MailSnapshot from = basis.snapshot();
        Mailbox box = Mailbox.open(connection, folder.getImapName());
        try {
            long validity = box.uidValidity();
            List<ServerChange> changes = new ArrayList<>();
            if (from.uidValidity() != 0 && from.uidValidity() != validity) {
                Remap.Result remap = Remap.of(em, folder.getId(), box, from, validity);
                LOG.info(() -> "UIDVALIDITY of " + folder.getImapName() + " changed: " + remap.snapshot().held().size()
                        + " mails found again, " + remap.lost().size() + " gone");
                from = remap.snapshot();
                remap.lost().forEach(id -> changes.add(new ServerChange(ServerChange.Kind.DELETE, id, null)));
            }
            List<CommandResult> results = new ArrayList<>();
            DeviceWrites writes = new DeviceWrites();
            if (basis.key() != state.getSyncKey()) { // a repeated request: drafts it added then are not added twice
                MailSnapshot answered = MailSnapshot.decode(state.getSnapshot());
                writes.replay(answered.draftsAdded(), answered.ids());
            }
            ClientCommands commands = new ClientCommands(em, items);
            for (ClientCommand command : r.commands()) {
                results.add(commands.apply(command, r, folder, box, from.ids(), writes));
            }
            if (!r.commands().isEmpty()) { // HIGHESTMODSEQ after the device's own writes
                box = Mailbox.open(connection, folder.getImapName());
            }
            Instant cutoff = r.windowStart() == null ? null : r.windowStart().truncatedTo(ChronoUnit.DAYS);
            MailSnapshot basisSnapshot = writes.applyTo(from, !box.condstore());
            MailSnapshot next = basisSnapshot;
            boolean more = false;
            if (r.getChanges()) {
                Chosen chosen = changes(r, folder, box, basisSnapshot, validity, cutoff, writes.touched(), changes);
                next = chosen.next();
                more = chosen.more();
            }
            next = next.withDraftsAdded(writes.draftsAdded);
            boolean unchanged = r.commands().isEmpty() && changes.isEmpty() && basis.key() == state.getSyncKey()
                    && (next == basis.snapshot() || next.encode().equals(basis.text()));
            if (unchanged) {
                return new SyncResult(SyncResult.Status.OK, String.valueOf(basis.key()), results, changes, false);
            }
            int newKey = basis.key() + 1;
            state.advance(newKey, next.encode(), basis.key(), basis.text());
            return new SyncResult(SyncResult.Status.OK, String.valueOf(newKey), results, changes, more);
        } finally {
            box.close();
        }
    }

    /** The snapshot and whether changes are left, after choosing this sync's changes. */
    private record Chosen(MailSnapshot next, boolean more) {
    }

    private Chosen changes(MailSyncRequest r, MailFolder folder, Mailbox box, MailSnapshot from, long validity, Instant cutoff,
                            java.util.Set<Long> ownWrites, List<ServerChange> changes) throws MessagingException {
        long modseq = box.highestModseq();
        boolean sameWindow = java.util.Objects.equals(cutoff, from.cutoff());
        if (box.condstore() && from.complete() && from.modseq() == modseq && sameWindow && ownWrites.isEmpty()) {
            return new Chosen(from, false); // nothing happened in the mailbox since the snapshot
        }
        MailDiff diff = diff(box, from, cutoff, ownWrites);
        int window = Math.max(1, Math.min(r.windowSize(), MAX_WINDOW) + changes.size()); // a remap's Deletes come on top
        ServerIds ids = from.ids();
        UidSet held = from.held();
        TreeMap<Long, Integer> flags = box.condstore() ? null : new TreeMap<>(from.flagsOrEmpty());
        for (long uid : toArray(diff.gone())) {
            if (changes.size() >= window) {
                break;
            }
            changes.add(new ServerChange(ServerChange.Kind.DELETE, ids.serverId(uid), null));
            held = held.without(uid);
        }
        for (long uid : toArray(diff.leftWindow())) {
            if (changes.size() >= window) {
                break;
            }
            changes.add(new ServerChange(ServerChange.Kind.SOFT_DELETE, ids.serverId(uid), null));
            held = held.without(uid);
        }
        int changesSent = 0;
        for (Map.Entry<Long, Flags> changed : new TreeMap<>(diff.changed()).entrySet()) {
            if (changes.size() >= window) {
                break;
            }
            changes.add(new ServerChange(ServerChange.Kind.CHANGE, ids.serverId(changed.getKey()), items.flagProperties(changed.getValue())));
            if (flags != null) {
                flags.put(changed.getKey(), MessageFlags.of(changed.getValue()));
            }
            changesSent++;
        }
        int room = window - changes.size();
        long[] adds = diff.missing().highest(room);
        java.util.Set<String> own = adds.length == 0 ? java.util.Set.of() : MailAccount.addresses(em, r.userId());
        List<IMAPMessage> added = box.messages(adds);
        for (IMAPMessage message : added) {
            long uid = box.folder().getUID(message);
            String serverId = ids.serverId(uid);
            Map<String, Object> properties = readable(message, folder.getId() + ":" + serverId, r.bodies(), own);
            if (folder.getRole().equals(MailRole.DRAFTS.name())) {
                properties.put(EmailProperties.IS_DRAFT, "1");
            }
            changes.add(new ServerChange(ServerChange.Kind.ADD, serverId, properties));
            held = held.with(uid);
            if (flags != null) {
                flags.put(uid, MessageFlags.of(message.getFlags()));
            }
        }
        Identities.record(em, folder.getId(), validity, box.folder(), added);
        if (flags != null) {
            flags.keySet().retainAll(toSet(held));
        }
        boolean changesLeft = changesSent < diff.changed().size();
        long sent = changes.size();
        boolean more = sent < diff.count();
        long nextModseq = box.condstore() && !changesLeft ? modseq : from.modseq();
        MailSnapshot next = new MailSnapshot(validity, nextModseq, cutoff, !more, held, flags, ids.keepOnly(held)).seeing(box.seen());
        return new Chosen(next, more);
    }

    /**
     * A mail as the client wants it; one that cannot be read (a broken structure, a part the server will not give)
     * goes with what its envelope tells and an empty body, so it never holds up the rest of the folder.
     */
    private Map<String, Object> readable(IMAPMessage message, String fileReferencePrefix, BodyRequest bodies, java.util.Set<String> own) {
        try {
            return items.properties(message, fileReferencePrefix, bodies, own);
        } catch (RuntimeException e) {
            if (!message.getFolder().isOpen() || !message.getFolder().getStore().isConnected()) {
                throw e; // the connection is gone, not this mail broken
            }
            LOG.warning(() -> "Mail " + fileReferencePrefix + " could not be read and goes without its body: " + e);
            Map<String, Object> envelope = new HashMap<>(items.flagProperties(flagsOf(message)));
            try {
                envelope.put(EmailProperties.SUBJECT, message.getSubject() == null ? "" : message.getSubject());
                if (message.getFrom() != null && message.getFrom().length > 0) {
                    envelope.put(EmailProperties.FROM, message.getFrom()[0].toString());
                }
                if (message.getReceivedDate() != null) {
                    envelope.put(EmailProperties.DATE_RECEIVED, message.getReceivedDate().toInstant().toString());
                }
            } catch (MessagingException | RuntimeException ignored) {
                // what could be read is sent
            }
            envelope.put(EmailProperties.MESSAGE_CLASS, "IPM.Note");
            envelope.put(EmailProperties.BODY, new ChosenBody(BodyType.PLAIN, 0, false, new byte[0], null));
            if (!bodies.partWishes().isEmpty()) { // asked for, a BodyPart must be there (MS-ASAIRS 2.2.2.10)
                envelope.put(EmailProperties.BODY_PART, new ChosenBodyPart(ChosenBodyPart.Status.OK,
                        new ChosenBody(BodyType.HTML, 0, false, new byte[0], null)));
            }
            return envelope;
        }
    }

    private static Flags flagsOf(IMAPMessage message) {
        try {
            return message.getFlags();
        } catch (MessagingException e) {
            return new Flags();
        }
    }

    private MailDiff diff(Mailbox box, MailSnapshot from, Instant cutoff, java.util.Set<Long> ownWrites) throws MessagingException {
        if (box.qresync() && from.complete() && from.modseq() > 0 && java.util.Objects.equals(cutoff, from.cutoff())) {
            return changesSince(box, from, cutoff, ownWrites);
        }
        UidSet present = box.search(cutoff);
        UidSet away = from.held().without(present);
        UidSet leftWindow = UidSet.EMPTY;
        if (cutoff != null && !away.isEmpty()) {
            leftWindow = box.existing(away);
        }
        UidSet kept = from.held().within(present);
        Map<Long, Flags> changed = new HashMap<>();
        if (box.condstore()) {
            if (from.uidValidity() != 0 && from.modseq() > 0) {
                changed.putAll(box.changedSince(kept, from.modseq()));
            } else if (!kept.isEmpty()) {
                changed.putAll(box.flags(kept)); // no HIGHESTMODSEQ to start from: tell the flags again
            }
        } else {
            Map<Long, Integer> known = from.flagsOrEmpty();
            box.flags(kept).forEach((uid, f) -> {
                if (MessageFlags.of(f) != known.getOrDefault(uid, 0)) {
                    changed.put(uid, f);
                }
            });
        }
        changed.keySet().removeAll(ownWrites);
        return new MailDiff(away.without(leftWindow), leftWindow, changed, present.without(from.held()));
    }

    /**
     * The differences when the device holds all it should and the window stayed (QRESYNC): mail it lacks can only have
     * arrived above the highest UID it holds, and what went away or changed flags comes from one CHANGEDSINCE with
     * VANISHED. Both answers follow the changes, not the folder's size.
     */
    private static MailDiff changesSince(Mailbox box, MailSnapshot from, Instant cutoff, java.util.Set<Long> ownWrites)
            throws MessagingException {
        UidSet held = from.held();
        UidSet arrived = box.searchAbove(held.max(), cutoff).without(held);
        Mailbox.Changes changes = box.changesSince(held, from.modseq());
        Map<Long, Flags> changed = new HashMap<>(changes.flags());
        changed.keySet().removeAll(ownWrites);
        return new MailDiff(changes.gone(), UidSet.EMPTY, changed, arrived);
    }

    /** How many changes the next sync with {@code syncKey} would bring. */
    public Estimate estimate(long deviceId, long userId, MailLogin login, String collectionId, String syncKey, Instant windowStart) {
        Optional<MailFolder> folder = MailAccount.folder(em, userId, collectionId);
        if (folder.isEmpty()) {
            return new Estimate(Estimate.Status.COLLECTION_GONE, 0);
        }
        if ("0".equals(syncKey)) {
            return new Estimate(Estimate.Status.NOT_PRIMED, 0);
        }
        Optional<Basis> basis = basis(em.find(MailSyncState.class, new CollectionState.Key(deviceId, collectionId)), syncKey);
        if (basis.isEmpty()) {
            return new Estimate(Estimate.Status.INVALID_KEY, 0);
        }
        if (folder.get().getImapName() == null) {
            return new Estimate(Estimate.Status.OK, 0);
        }
        Instant cutoff = windowStart == null ? null : windowStart.truncatedTo(ChronoUnit.DAYS);
        try (MailConnection connection = connections.open(login); Mailbox box = Mailbox.open(connection, folder.get().getImapName())) {
            MailSnapshot from = basis.get().snapshot();
            long lost = 0;
            if (from.uidValidity() != 0 && from.uidValidity() != box.uidValidity()) {
                Remap.Result remap = Remap.of(em, folder.get().getId(), box, from, box.uidValidity());
                from = remap.snapshot();
                lost = remap.lost().size();
            } else if (box.condstore() && from.complete() && from.modseq() == box.highestModseq() && java.util.Objects.equals(cutoff, from.cutoff())) {
                return new Estimate(Estimate.Status.OK, 0);
            }
            return new Estimate(Estimate.Status.OK, lost + diff(box, from, cutoff, java.util.Set.of()).count());
        } catch (MessagingException e) {
            throw new MailUnavailable("estimating " + folder.get().getImapName() + " failed: " + e.getMessage(), e);
        }
    }




    private static Optional<Basis> basis(MailSyncState state, String presented) {
        Optional<Integer> number = SyncKeys.handedOut(presented);
        if (state == null || number.isEmpty()) {
            return Optional.empty();
        }
        int key = number.get();
        if (key == state.getSyncKey()) {
            return Optional.of(new Basis(key, MailSnapshot.decode(state.getSnapshot()), state.getSnapshot()));
        }
        if (state.getPreviousSyncKey() != null && key == state.getPreviousSyncKey() && state.getPreviousSnapshot() != null) {
            return Optional.of(new Basis(key, MailSnapshot.decode(state.getPreviousSnapshot()), state.getPreviousSnapshot()));
        }
        return Optional.empty();
    }


    private static long[] toArray(UidSet set) {
        return set.highest(Integer.MAX_VALUE);
    }

    private static java.util.Set<Long> toSet(UidSet set) {
        java.util.Set<Long> s = new java.util.HashSet<>();
        set.forEach(s::add);
        return s;
    }
}
