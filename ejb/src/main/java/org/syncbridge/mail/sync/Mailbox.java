package org.syncbridge.mail.sync;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.MailConnection;
import org.eclipse.angus.mail.imap.ResyncData;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.Status;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.util.CRLFOutputStream;

/**
 * One selected IMAP mailbox and the few commands the mail sync needs, each a constant number of round
 * trips: with CONDSTORE and ESEARCH (Dovecot, Cyrus) their answers follow the changes and the number of UID
 * runs, not the folder's size.
 */
final class Mailbox implements AutoCloseable {
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_SET_LENGTH = 8000;
    private static final Pattern VANISHED_EARLIER = Pattern.compile("VANISHED\\s+\\(EARLIER\\)\\s+([0-9:,]+)", Pattern.CASE_INSENSITIVE);
    private static final String[] STATUS = {"UIDNEXT", "MESSAGES"};
    private static final String[] STATUS_WITH_MODSEQ = {"UIDNEXT", "MESSAGES", "HIGHESTMODSEQ"};
    private static final Pattern ESEARCH_ALL = Pattern.compile("\\bALL\\s+([0-9:,]+)");

    private final IMAPFolder folder;
    private final Capabilities can;
    /** The connection that keeps the mailbox selected after this request; null: closing this closes the mailbox. */
    private final MailConnection keeper;
    private final long modseq;
    /** The messages handed out, emptied of what was fetched for them when this request is done. */
    private final List<IMAPMessage> handedOut = new ArrayList<>();
    /** UIDNEXT and MESSAGES when it was opened, before this request looked at its mail. */
    private final MailSnapshot.Seen seen;

    /** What the server offers, read from the connection's cached CAPABILITY. */
    private record Capabilities(boolean condstore, boolean qresync, boolean esearch, boolean move, boolean uidplus) {
        static Capabilities of(IMAPProtocol p) {
            return new Capabilities(p.hasCapability("CONDSTORE"), p.hasCapability("QRESYNC"), p.hasCapability("ESEARCH"),
                    p.hasCapability("MOVE"), p.hasCapability("UIDPLUS"));
        }
    }

    /**
     * @param modseq HIGHESTMODSEQ as STATUS told it for a selection kept from an earlier request (the folder's own is
     *               the one of its SELECT); -1: ask the folder
     * @param seen   UIDNEXT and MESSAGES when it was opened
     */
    private Mailbox(IMAPFolder folder, Capabilities can, MailConnection keeper, long modseq, MailSnapshot.Seen seen) {
        this.folder = folder;
        this.can = can;
        this.keeper = keeper;
        this.modseq = modseq;
        this.seen = seen;
    }

    /** Examines the mailbox (read-only): reading a mail's content there never marks it read. */
    static Mailbox examine(Store store, String name) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store.getFolder(name);
        Capabilities can = (Capabilities) folder.doCommand(Capabilities::of);
        folder.open(Folder.READ_ONLY);
        return new Mailbox(folder, new Capabilities(false, false, can.esearch(), false, false), null, -1, MailSnapshot.Seen.UNKNOWN);
    }

    /**
     * Selects the mailbox for reading and writing, asking for modification sequences (and QRESYNC's VANISHED) where
     * the server has them. A connection that kept the mailbox selected from an earlier request only asks what changed
     * since (NOOP) and the new HIGHESTMODSEQ; the mailbox stays selected on the connection after this request.
     */
    static Mailbox open(MailConnection connection, String name) throws MessagingException {
        Optional<IMAPFolder> selected = connection.selected(name);
        if (selected.isPresent()) {
            IMAPFolder folder = selected.get();
            Capabilities can = (Capabilities) folder.doCommand(p -> Capabilities.of(p));
            Mailbox box = new Mailbox(folder, can, connection, -1, MailSnapshot.Seen.UNKNOWN);
            box.command("NOOP"); // what happened since: EXISTS, VANISHED/EXPUNGE, FETCH of changed flags
            // the folder's own UIDNEXT and HIGHESTMODSEQ are those of its SELECT: STATUS tells them now
            Status status = (Status) folder.doCommand(p -> p.status(name, can.condstore() ? STATUS_WITH_MODSEQ : STATUS));
            return new Mailbox(folder, can, connection, can.condstore() ? status.highestmodseq : 0,
                    new MailSnapshot.Seen(status.uidnext, status.total));
        }
        IMAPFolder folder = (IMAPFolder) connection.store().getFolder(name);
        Capabilities can = (Capabilities) folder.doCommand(p -> {
            Capabilities c = Capabilities.of(p);
            if (c.qresync() && !p.isEnabled("QRESYNC")) {
                p.enable("QRESYNC"); // before SELECT (RFC 5161): expunges then come as VANISHED, with UIDs
            }
            return c;
        });
        if (can.condstore()) {
            folder.open(Folder.READ_WRITE, ResyncData.CONDSTORE);
        } else {
            folder.open(Folder.READ_WRITE);
        }
        connection.keepSelected(folder);
        long uidNext = folder.getUIDNext();
        if (uidNext < 0) { // a SELECT without UIDNEXT (RFC 2060): ask
            Status status = (Status) folder.doCommand(p -> p.status(name, STATUS));
            return new Mailbox(folder, can, connection, -1, new MailSnapshot.Seen(status.uidnext, status.total));
        }
        return new Mailbox(folder, can, connection, -1, new MailSnapshot.Seen(uidNext, folder.getMessageCount()));
    }

    /** The mailbox's UIDNEXT and MESSAGES when this request opened it, before it looked at the mail. */
    MailSnapshot.Seen seen() {
        return seen;
    }

    boolean condstore() {
        return can.condstore();
    }

    /** Whether expunges can be asked for by modification sequence (QRESYNC, enabled on the connection). */
    boolean qresync() {
        return can.qresync();
    }

    long uidValidity() throws MessagingException {
        return folder.getUIDValidity();
    }

    /** HIGHESTMODSEQ as of the selection; 0 without CONDSTORE. */
    long highestModseq() throws MessagingException {
        if (!can.condstore()) {
            return 0;
        }
        return modseq >= 0 ? modseq : folder.getHighestModSeq();
    }

    IMAPFolder folder() {
        return folder;
    }

    /** The UIDs of the messages that arrived on or after the day of {@code since} (all when null). */
    UidSet search(Instant since) throws MessagingException {
        String criteria = since == null ? "ALL" : "SINCE " + IMAP_DATE.format(since);
        return search(criteria);
    }

    /** The UIDs above {@code top} that arrived on or after the day of {@code since} (all when null). */
    UidSet searchAbove(long top, Instant since) throws MessagingException {
        String criteria = "UID " + (top + 1) + ":*" + (since == null ? "" : " SINCE " + IMAP_DATE.format(since));
        UidSet found = search(criteria);
        return found.without(UidSet.range(1, top)); // "n:*" names the highest UID even when it is below n
    }

    /** Which of {@code uids} still exist. */
    UidSet existing(UidSet uids) throws MessagingException {
        return uids.isEmpty() ? UidSet.EMPTY : search("UID " + argument(uids)).within(uids);
    }

    /**
     * The UIDs matching search keys that may hold text: strings go quoted or as literals, with CHARSET UTF-8 when
     * {@code utf8}; a server that refuses the charset (RFC 3501 asks only for US-ASCII) is asked again without it.
     */
    UidSet search(Argument keys, boolean utf8) throws MessagingException {
        if (utf8) {
            try {
                return search("CHARSET UTF-8", keys);
            } catch (MessagingException e) {
                if (!(e.getCause() instanceof CommandFailedException || e.getCause() instanceof BadCommandException)) {
                    throw e;
                }
            }
        }
        return search(null, keys);
    }

    private UidSet search(String criteria) throws MessagingException {
        return search(criteria, null);
    }

    private UidSet search(String criteria, Argument keys) throws MessagingException {
        String command = can.esearch() ? "UID SEARCH RETURN (ALL)" : "UID SEARCH";
        Response[] responses = command(criteria == null ? command : command + " " + criteria, keys);
        UidSet.Builder found = new UidSet.Builder();
        List<Long> plain = new ArrayList<>();
        for (Response r : responses) {
            if (!(r instanceof org.eclipse.angus.mail.imap.protocol.IMAPResponse ir) || !r.isUnTagged()) {
                continue;
            }
            if (ir.keyEquals("ESEARCH")) {
                Matcher m = ESEARCH_ALL.matcher(r.toString());
                if (m.find()) {
                    return UidSet.parse(m.group(1));
                }
            } else if (ir.keyEquals("SEARCH")) {
                for (long uid; (uid = ir.readLong()) != -1; ) {
                    plain.add(uid);
                }
            }
        }
        if (plain.isEmpty()) {
            return found.build();
        }
        return UidSet.of(plain.stream().mapToLong(Long::longValue).toArray());
    }

    /** The flags of {@code uids}. */
    Map<Long, Flags> flags(UidSet uids) throws MessagingException {
        return uids.isEmpty() ? Map.of() : fetchFlags(uids, "(UID FLAGS)");
    }

    /** The flags of those of {@code uids} changed after {@code modseq} (CONDSTORE). */
    Map<Long, Flags> changedSince(UidSet uids, long modseq) throws MessagingException {
        return uids.isEmpty() ? Map.of() : fetchFlags(uids, "(UID FLAGS) (CHANGEDSINCE " + modseq + ")");
    }

    /** The flag changes and the expunges among {@code uids} since {@code modseq}, in one command (QRESYNC). */
    Changes changesSince(UidSet uids, long modseq) throws MessagingException {
        if (uids.isEmpty()) {
            return new Changes(Map.of(), UidSet.EMPTY);
        }
        Map<Long, Flags> flags = new HashMap<>();
        UidSet vanished = UidSet.EMPTY;
        for (Response r : command("UID FETCH " + argument(uids) + " (UID FLAGS) (CHANGEDSINCE " + modseq + " VANISHED)")) {
            if (r instanceof FetchResponse f) {
                UID uid = f.getItem(UID.class);
                FLAGS fl = f.getItem(FLAGS.class);
                if (uid != null && fl != null && uids.contains(uid.uid)) {
                    flags.put(uid.uid, fl);
                }
            } else if (r instanceof org.eclipse.angus.mail.imap.protocol.IMAPResponse ir && ir.keyEquals("VANISHED")) {
                Matcher m = VANISHED_EARLIER.matcher(r.toString());
                if (m.find()) {
                    vanished = vanished.with(UidSet.parse(m.group(1)));
                }
            }
        }
        UidSet gone = vanished.within(uids);
        gone.forEach(flags::remove);
        return new Changes(flags, gone);
    }

    /**
     * @param flags the new flags of changed mail
     * @param gone  the mail expunged
     */
    record Changes(Map<Long, Flags> flags, UidSet gone) {
    }

    /** The arrival time (INTERNALDATE) of those of {@code uids} that exist; callers keep the set to a few hundred UIDs. */
    Map<Long, Instant> arrivals(UidSet uids) throws MessagingException {
        Map<Long, Instant> result = new HashMap<>();
        if (uids.isEmpty()) {
            return result;
        }
        for (Response r : command("UID FETCH " + uids + " (UID INTERNALDATE)")) {
            if (r instanceof FetchResponse f) {
                UID uid = f.getItem(UID.class);
                INTERNALDATE date = f.getItem(INTERNALDATE.class);
                if (uid != null && date != null && uids.contains(uid.uid)) {
                    result.put(uid.uid, date.getDate().toInstant());
                }
            }
        }
        return result;
    }

    private Map<Long, Flags> fetchFlags(UidSet uids, String items) throws MessagingException {
        Map<Long, Flags> result = new HashMap<>();
        for (Response r : command("UID FETCH " + argument(uids) + " " + items)) {
            if (r instanceof FetchResponse f) {
                UID uid = f.getItem(UID.class);
                FLAGS flags = f.getItem(FLAGS.class);
                if (uid != null && flags != null && uids.contains(uid.uid)) {
                    result.put(uid.uid, flags);
                }
            }
        }
        return result;
    }

    /** A set too scattered for one command line (servers cap its length) is asked for as its whole span. */
    private static String argument(UidSet uids) {
        String set = uids.toString();
        if (set.length() <= MAX_SET_LENGTH) {
            return set;
        }
        long[] top = uids.highest(1);
        return "1:" + top[0];
    }

    /**
     * The messages with these UIDs (missing ones left out), their envelope, flags, dates, size, structure and headers
     * fetched for all of them in one command: reading a window of mail costs a round trip per body part, not per header.
     */
    List<IMAPMessage> messages(long[] uids) throws MessagingException {
        Message[] found = folder.getMessagesByUID(uids);
        List<IMAPMessage> present = new ArrayList<>();
        for (Message m : found) {
            if (m != null && !m.isExpunged()) {
                present.add((IMAPMessage) m);
            }
        }
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.HEADERS); // every header the reader asks for, in the same command
        folder.fetch(present.toArray(Message[]::new), profile);
        handedOut.addAll(present);
        counted(found.length);
        return present;
    }

    Optional<IMAPMessage> message(long uid) throws MessagingException {
        Message m = folder.getMessageByUID(uid);
        if (m == null || m.isExpunged()) {
            return Optional.empty();
        }
        handedOut.add((IMAPMessage) m);
        counted(1);
        return Optional.of((IMAPMessage) m);
    }

    /**
     * Moves one message (IMAP MOVE, else COPY and an expunge of that UID alone, never of the whole folder) and
     * answers its UID in the target when the server tells it (COPYUID).
     */
    Optional<Long> moveTo(IMAPMessage message, String targetName) throws MessagingException {
        Message[] one = {message};
        Folder target = folder.getStore().getFolder(targetName); // no command: the move runs on this mailbox's connection
        AppendUID[] uids;
        if (can.move()) {
            uids = folder.moveUIDMessages(one, target);
        } else {
            uids = folder.copyUIDMessages(one, target);
            deleteNow(message);
        }
        return uids != null && uids.length == 1 && uids[0] != null ? Optional.of(uids[0].uid) : Optional.empty();
    }

    /** Deletes one message for good: \Deleted, then UID EXPUNGE of it alone where UIDPLUS allows. */
    void deleteNow(IMAPMessage message) throws MessagingException {
        message.setFlag(Flags.Flag.DELETED, true);
        if (can.uidplus()) {
            folder.expunge(new Message[] {message});
        } else {
            folder.expunge(); // without UIDPLUS there is no other way; \Deleted of others would go too
        }
    }

    /**
     * Appends a message to this mailbox on its own connection (Jakarta Mail's append would take another one, beyond
     * the account's budget) and answers its UID where the server tells it (UIDPLUS).
     */
    Optional<Long> append(MimeMessage message, Flags flags) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream crlf = new CRLFOutputStream(bytes)) { // IMAP wants CRLF line ends, as Jakarta Mail's own append writes
            message.writeTo(crlf);
        }
        Literal literal = new Literal() {
            @Override
            public int size() {
                return bytes.size();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                bytes.writeTo(out);
            }
        };
        String name = folder.getFullName();
        AppendUID uid = (AppendUID) folder.doCommand(p -> p.appenduid(name, flags, null, literal, can.uidplus()));
        return uid == null ? Optional.empty() : Optional.of(uid.uid);
    }

    private Response[] command(String command) throws MessagingException {
        return command(command, null);
    }

    private Response[] command(String command, Argument arguments) throws MessagingException {
        Response[] responses = (Response[]) folder.doCommand(p -> {
            Response[] r = p.command(command, arguments);
            Response last = r[r.length - 1];
            p.notifyResponseHandlers(java.util.Arrays.copyOf(r, r.length - 1));
            p.handleResult(last);
            return r;
        });
        counted((int) java.util.Arrays.stream(responses).filter(FetchResponse.class::isInstance).count()); // each makes a message object
        return responses;
    }

    /** Notes that {@code n} message objects may have been made, for the bound of a kept selection. */
    void counted(int n) {
        if (keeper != null) {
            keeper.counted(n);
        }
    }

    @Override
    public void close() {
        if (keeper != null) { // the connection keeps it selected for the account's next request, lightly
            handedOut.forEach(IMAPMessage::invalidateHeaders);
            handedOut.clear();
            keeper.lighten();
            return;
        }
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException e) {
            // closing the connection follows
        }
    }
}
