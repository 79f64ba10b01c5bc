package org.syncbridge.mail.sync;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.angus.mail.iap.Argument;

/**
 * Finds the mails of one mailbox that match a {@link MailQuery}, with IMAP SEARCH on the server: each term as TEXT
 * (headers and body: a word of the subject, a sender's name or address, a word of the text), all of them required.
 *
 * <p>A ConversationId narrows the matches to the mails of that conversation: see {@link ConversationMembers}.
 *
 * <p>IMAP compares dates by day, in each mail's own time zone, so the received bounds are searched twice: a day
 * window wide enough to hold every match and one narrow enough to hold only matches. Only the mails between the two
 * (those of the days around each bound) have their arrival time read and compared exactly; the cost follows the mail
 * of those days, not the mailbox.
 */
final class QueryMatcher {
    private static final DateTimeFormatter IMAP_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);
    /** Arrival times are read in chunks: a UID set of this many stays far below servers' line limits. */
    static final int CHUNK = 250;

    private final MailQuery query;
    private final boolean utf8;
    private final int conversationScan;

    QueryMatcher(MailQuery query) {
        this(query, ConversationMembers.SCAN);
    }

    /** @param conversationScan how many of each folder's newest candidates are read to find a conversation */
    QueryMatcher(MailQuery query, int conversationScan) {
        this.query = query;
        this.conversationScan = conversationScan;
        this.utf8 = query.terms().stream().anyMatch(t -> !StandardCharsets.US_ASCII.newEncoder().canEncode(t));
    }

    /** The matching UIDs in each folder of the scope; each folder is examined (read-only), twice for a conversation. */
    List<SearchResults.Folder> match(Store store, List<SearchResults.Folder> scope) throws MessagingException {
        byte[] conversationId = query.conversationId();
        ConversationMembers conversation = conversationId == null ? null : new ConversationMembers(conversationId, conversationScan);
        boolean filtered = !query.terms().isEmpty() || query.receivedAfter() != null || query.receivedBefore() != null;
        Map<Long, UidSet> candidates = new HashMap<>();
        List<SearchResults.Folder> found = new ArrayList<>();
        for (SearchResults.Folder f : scope) {
            try (Mailbox box = Mailbox.examine(store, f.imapName())) {
                UidSet matches = conversation != null && !filtered ? null : matches(box); // null: all of the folder
                if (conversation == null) {
                    found.add(new SearchResults.Folder(f.id(), f.imapName(), matches));
                } else {
                    candidates.put(f.id(), matches);
                    conversation.scan(f.id(), box, matches);
                }
            }
        }
        if (conversation != null) {
            for (SearchResults.Folder f : scope) {
                try (Mailbox box = Mailbox.examine(store, f.imapName())) {
                    found.add(new SearchResults.Folder(f.id(), f.imapName(), conversation.members(f.id(), box, candidates.get(f.id()))));
                }
            }
        }
        return found;
    }

    /** The UIDs of the mails in the examined mailbox that match the terms and received bounds. */
    UidSet matches(Mailbox box) throws MessagingException {
        Instant after = query.receivedAfter();
        Instant before = query.receivedBefore();
        // a mail received after V has a local date no earlier than V's UTC day - 1; any with a local date from
        // V's UTC day + 2 on was received after V (time zones reach from -12 to +14 hours); likewise for before
        UidSet wide = box.search(keys(after == null ? null : day(after).minusDays(1), before == null ? null : day(before).plusDays(2)), utf8);
        if (wide.isEmpty() || after == null && before == null) {
            return wide;
        }
        UidSet certain = box.search(keys(after == null ? null : day(after).plusDays(2), before == null ? null : day(before).minusDays(1)), utf8)
                .within(wide);
        UidSet.Builder exact = new UidSet.Builder();
        UidSet doubtful = wide.without(certain);
        long[] uids = doubtful.highest(Integer.MAX_VALUE);
        Arrays.sort(uids); // the builder takes UIDs in ascending order
        for (int from = 0; from < uids.length; from += CHUNK) {
            long[] chunk = Arrays.copyOfRange(uids, from, Math.min(uids.length, from + CHUNK));
            Map<Long, Instant> arrivals = box.arrivals(UidSet.of(chunk));
            for (long uid : chunk) {
                Instant arrival = arrivals.get(uid);
                if (arrival != null && (after == null || arrival.isAfter(after)) && (before == null || arrival.isBefore(before))) {
                    exact.addRange(uid, uid);
                }
            }
        }
        return certain.with(exact.build());
    }

    /** The search keys: every term as TEXT, the day bounds as SINCE and BEFORE; ALL when there are none. */
    Argument keys(LocalDate since, LocalDate before) {
        Argument keys = new Argument();
        for (String term : query.terms()) {
            keys.writeAtom("TEXT");
            keys.writeString(term, StandardCharsets.UTF_8); // quoted, or a literal for 8-bit text
        }
        if (since != null) {
            keys.writeAtom("SINCE " + IMAP_DATE.format(since));
        }
        if (before != null) {
            keys.writeAtom("BEFORE " + IMAP_DATE.format(before));
        }
        if (query.terms().isEmpty() && since == null && before == null) {
            keys.writeAtom("ALL");
        }
        return keys;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
