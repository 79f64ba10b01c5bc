package org.syncbridge.mail.meeting;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
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
import org.syncbridge.mail.message.MailReader;

/**
 * One look at a user's Inbox for invitations, from where the last look ended. Its cost follows the new mail, not the
 * Inbox: a STATUS (UIDNEXT, UIDVALIDITY) answers "nothing new" alone; otherwise the new UIDs' BODYSTRUCTUREs are
 * fetched in one command and only text/calendar parts are read. A SEARCH for text/calendar would not narrow this on
 * every server: SEARCH HEADER sees only a mail's top-level Content-Type, and an invitation's calendar part is nested
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
    static Optional<Result> scan(Store store, long knownValidity, long lastUid, Instant firstSince, int max) throws MessagingException {
        IMAPFolder inbox = (IMAPFolder) store.getFolder(INBOX);
        Status status = (Status) inbox.doCommand(p -> p.status(INBOX, new String[] {"UIDNEXT", "UIDVALIDITY"}));
        long top = status.uidnext - 1;
        boolean renewed = status.uidvalidity != knownValidity;
        if (!renewed && top <= lastUid) {
            return Optional.empty();
        }
        inbox.open(Folder.READ_ONLY); // EXAMINE: reading a part never marks a mail read
        try {
            Message[] candidates = renewed ? newest(inbox.search(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(firstSince))), max)
                    : inbox.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
            FetchProfile uids = new FetchProfile();
            uids.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(candidates, uids);
            List<IMAPMessage> fresh = new ArrayList<>();
            for (Message m : candidates) {
                if (m != null && !m.isExpunged() && (renewed || inbox.getUID(m) > lastUid)) { // "n:*" names the last mail even below n
                    fresh.add((IMAPMessage) m);
                }
            }
            fresh.sort(Comparator.comparingLong(m -> uid(inbox, m)));
            boolean all = fresh.size() <= max;
            List<IMAPMessage> chosen = all ? fresh : renewed ? fresh.subList(fresh.size() - max, fresh.size()) : fresh.subList(0, max);
            FetchProfile structure = new FetchProfile();
            structure.add(FetchProfile.Item.CONTENT_INFO); // BODYSTRUCTURE
            inbox.fetch(chosen.toArray(Message[]::new), structure);
            List<Found> found = new ArrayList<>();
            long highest = renewed ? 0 : lastUid;
            for (IMAPMessage m : chosen) {
                long uid = uid(inbox, m);
                highest = Math.max(highest, uid);
                calendarText(m, uid).ifPresent(text -> found.add(new Found(uid, text)));
            }
            long last = all || renewed ? Math.max(top, highest) : highest;
            return Optional.of(new Result(status.uidvalidity, last, found, chosen.size()));
        } finally {
            if (inbox.isOpen()) {
                inbox.close(false);
            }
        }
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
