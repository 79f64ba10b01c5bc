package org.syncbridge.mail.meeting;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.message.MailReader;

/**
 * One look at a user's Inbox for invitations, from where the last look ended. Its cost follows the new mail, not the
 * Inbox: where the connection kept the Inbox selected (after an Inbox Sync) a NOOP and a UID FETCH of the UIDs above
 * the last look answer "nothing new", elsewhere a STATUS (UIDNEXT, UIDVALIDITY) does, without selecting it; new mail costs one
 * FETCH of its BODYSTRUCTUREs, and only text/calendar parts are read. A SEARCH for text/calendar would not narrow this
 * on every server: SEARCH HEADER sees only a mail's top-level Content-Type, and an invitation's calendar part is nested
 * (multipart/alternative, often base64).
 * <p>
 * The first look at an Inbox (and the first after its UIDVALIDITY changed) takes the mail that arrived since
 * {@code firstSince}, at most the newest {@code max}. Later looks take the new mail oldest first, at most {@code max}
 * at a time; the rest is left for the next look.
 */
final class InboxScan {
    private static final Logger LOG = Logger.getLogger(InboxScan.class.getName());
    private static final String INBOX = "INBOX";

    /** A mail with an iMIP part, by its UID. */
    record Found(long uid, String calendarText) {
    }

    /** Where the look ended (the Inbox's UIDVALIDITY, the highest UID examined) and the invitations it found. */
    record Result(long uidValidity, long lastUid, List<Found> invitations, int examined) {
    }

    private InboxScan() {
    }

    /** Empty when nothing arrived since {@code lastUid} of {@code knownValidity}. */
    static Optional<Result> scan(MailConnection connection, long knownValidity, long lastUid, Instant firstSince, int max)
            throws MessagingException {
        Optional<IMAPFolder> kept = connection.selected(INBOX);
        if (kept.isPresent()) { // selected for the account's next Inbox Sync: it stays so, lightly
            IMAPFolder inbox = kept.get();
            inbox.doCommand(p -> { // what arrived since the selection last heard: EXISTS (not every server says it unasked)
                p.noop();
                return null;
            });
            long validity = inbox.getUIDValidity();
            Optional<Result> result = look(inbox, validity, inbox.getUIDNext() - 1, knownValidity, lastUid, firstSince, max, connection);
            connection.lighten();
            return result;
        }
        IMAPFolder inbox = (IMAPFolder) connection.store().getFolder(INBOX);
        Status status = (Status) inbox.doCommand(p -> p.status(INBOX, new String[] {"UIDNEXT", "UIDVALIDITY"}));
        if (status.uidvalidity == knownValidity && status.uidnext - 1 <= lastUid) {
            return Optional.empty();
        }
        inbox.open(Folder.READ_ONLY); // EXAMINE: reading a part never marks a mail read
        try {
            return look(inbox, status.uidvalidity, status.uidnext - 1, knownValidity, lastUid, firstSince, max, null);
        } finally {
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        }
    }

    /**
     * @param top    the highest UID the Inbox had when it was asked (UIDNEXT - 1; lower when the answer is older)
     * @param keeper the connection that keeps {@code inbox} selected, told of the message objects made; null: none
     */
    private static Optional<Result> look(IMAPFolder inbox, long validity, long top, long knownValidity, long lastUid,
                                         Instant firstSince, int max, MailConnection keeper) throws MessagingException {
        boolean renewed = validity != knownValidity;
        Message[] candidates = renewed ? newest(inbox.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(firstSince))), max)
                : inbox.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID); // "n:*" names the last mail even below n
        FetchProfile uids = new FetchProfile();
        uids.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(candidates, uids);
        List<IMAPMessage> fresh = new ArrayList<>();
        for (Message m : candidates) {
            if (m != null && !m.isExpunged() && (renewed || inbox.getUID(m) > lastUid)) {
                fresh.add((IMAPMessage) m);
            }
        }
        if (keeper != null) {
            keeper.counted(candidates.length);
        }
        if (!renewed && fresh.isEmpty()) {
            return Optional.empty();
        }
        fresh.sort(Comparator.comparingLong(m -> uid(inbox, m)));
        boolean all = fresh.size() <= max;
        List<IMAPMessage> chosen = all ? fresh : fresh.subList(0, max); // a renewed look has at most max already
        FetchProfile structure = new FetchProfile();
        structure.add(FetchProfile.Item.CONTENT_INFO); // BODYSTRUCTURE
        inbox.fetch(chosen.toArray(Message[]::new), structure);
        List<Found> found = new ArrayList<>();
        long highest = renewed ? 0 : lastUid;
        for (IMAPMessage m : chosen) {
            long uid = uid(inbox, m);
            highest = Math.max(highest, uid);
            calendarText(m, uid).ifPresent(text -> found.add(new Found(uid, text)));
            m.invalidateHeaders();
        }
        long last = all ? Math.max(top, highest) : highest;
        return Optional.of(new Result(validity, last, found, chosen.size()));
    }

    /** The last {@code max} messages by number, which is also UID order: only their UIDs are fetched. */
    private static Message[] newest(Message[] found, int max) {
        Message[] sorted = found.clone();
        Arrays.sort(sorted, Comparator.comparingInt(Message::getMessageNumber));
        return sorted.length <= max ? sorted : Arrays.copyOfRange(sorted, sorted.length - max, sorted.length);
    }

    /** The mail's iMIP text; a mail whose structure or calendar part cannot be read is passed over. */
    private static Optional<String> calendarText(IMAPMessage m, long uid) throws MessagingException {
        try {
            m.setPeek(true);
            return MailReader.invitationText(m);
        } catch (IOException | RuntimeException | MessagingException e) {
            if (!m.getFolder().isOpen()) {
                throw e instanceof MessagingException me ? me : new MessagingException("the Inbox closed", e);
            }
            LOG.info(() -> "Inbox mail " + uid + " was not read for an invitation: " + e);
            return Optional.empty();
        }
    }

    private static long uid(IMAPFolder inbox, Message m) {
        try {
            return inbox.getUID(m);
        } catch (MessagingException e) {
            return -1;
        }
    }
}
