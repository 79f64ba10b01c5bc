package org.syncbridge.mail.sync;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.persistence.mail.MailFolder;
import org.syncbridge.persistence.mail.MailMove;
import org.syncbridge.persistence.mail.MailSyncState;
import org.syncbridge.persistence.sync.CollectionState;
import org.syncbridge.sync.MoveResult;

/**
 * MoveItems between a user's mail folders: IMAP MOVE (or COPY and an expunge of that one UID), the new UID taken
 * from the server's COPYUID, never guessed. The moving device's states of both folders are updated so that the
 * move is not echoed back as a Delete and an Add; other devices see exactly that. A repeated move (a lost
 * response) is answered with the same DstMsgId for a week.
 */
@Stateless
public class MailMoves {
    private static final Duration REMEMBERED = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    @Inject
    ImapConnections connections;

    public MoveResult move(long deviceId, long userId, MailLogin login, long sourceId, String serverId, long destinationId) {
        MailFolder source = em.find(MailFolder.class, sourceId);
        MailFolder destination = em.find(MailFolder.class, destinationId);
        if (source == null || source.getUserId() != userId || source.getImapName() == null) {
            return new MoveResult(MoveResult.Status.INVALID_SOURCE, null);
        }
        if (destination == null || destination.getUserId() != userId || destination.getImapName() == null) {
            return new MoveResult(MoveResult.Status.INVALID_DESTINATION, null);
        }
        Optional<Long> number = MailAccount.serverIds(em, deviceId, String.valueOf(sourceId)).uid(serverId);
        if (number.isEmpty()) {
            return new MoveResult(MoveResult.Status.INVALID_SOURCE, null);
        }
        long uid = number.get();
        ServerIds destinationIds = MailAccount.serverIds(em, deviceId, String.valueOf(destinationId));
        MailMove.Id moveId = new MailMove.Id(deviceId, sourceId, uid);
        try (MailConnection connection = connections.open(login); Mailbox box = Mailbox.open(connection, source.getImapName())) {
            Optional<IMAPMessage> message = box.message(uid);
            if (message.isEmpty()) {
                MailMove earlier = em.find(MailMove.class, moveId);
                return earlier != null && earlier.getDestinationFolderId() == destinationId
                        ? new MoveResult(MoveResult.Status.MOVED, destinationIds.serverId(earlier.getDestinationUid()))
                        : new MoveResult(MoveResult.Status.INVALID_SOURCE, null);
            }
            int flags = MessageFlags.of(message.get().getFlags());
            Optional<Long> newUid = box.moveTo(message.get(), destination.getImapName());
            if (newUid.isEmpty()) { // without UIDPLUS the new UID is unknown; the device learns it from its next sync
                forget(deviceId, String.valueOf(sourceId), uid);
                return new MoveResult(MoveResult.Status.FAILED, null);
            }
            forget(deviceId, String.valueOf(sourceId), uid);
            hold(deviceId, String.valueOf(destinationId), newUid.get(), flags);
            em.createNamedQuery(MailMove.FORGET_BEFORE).setParameter("device", deviceId)
                    .setParameter("before", Instant.now().minus(REMEMBERED)).executeUpdate();
            MailMove earlier = em.find(MailMove.class, moveId);
            if (earlier != null) {
                em.remove(earlier);
                em.flush();
            }
            em.persist(new MailMove(moveId, destinationId, newUid.get(), Instant.now()));
            return new MoveResult(MoveResult.Status.MOVED, destinationIds.serverId(newUid.get()));
        } catch (MessagingException e) {
            throw new MailUnavailable("moving a mail of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }

    /** The device no longer holds the mail in the source (nor under the previous key, so a replay cannot bring it back). */
    private void forget(long deviceId, String collectionId, long uid) {
        MailSyncState state = em.find(MailSyncState.class, new CollectionState.Key(deviceId, collectionId));
        if (state != null) {
            state.replaceSnapshot(changed(state.getSnapshot(), s -> s.held().without(uid), null, uid, 0));
        }
    }

    /** The device holds the mail in the destination under its new UID already. */
    private void hold(long deviceId, String collectionId, long uid, int flags) {
        MailSyncState state = em.find(MailSyncState.class, new CollectionState.Key(deviceId, collectionId));
        if (state != null && state.getSyncKey() > 0) {
            MailSnapshot current = MailSnapshot.decode(state.getSnapshot());
            if (current.uidValidity() != 0) {
                state.replaceSnapshot(changed(state.getSnapshot(), s -> s.held().with(uid), flags, uid, flags));
            }
        }
    }

    private static String changed(String encoded, java.util.function.Function<MailSnapshot, UidSet> held, Integer put, long uid, int flags) {
        MailSnapshot s = MailSnapshot.decode(encoded);
        TreeMap<Long, Integer> f = s.flags() == null ? null : new TreeMap<>(s.flags());
        if (f != null) {
            if (put == null) {
                f.remove(uid);
            } else {
                f.put(uid, flags);
            }
        }
        return s.holding(held.apply(s), f).encode();
    }
}
