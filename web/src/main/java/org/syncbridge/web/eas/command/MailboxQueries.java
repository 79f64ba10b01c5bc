package org.syncbridge.web.eas.command;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncbridge.mail.sync.MailQuery;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * Reads a mailbox search as Search asks it (Store Mailbox, MS-ASCMD 2.2.1.16) and as Find asks it
 * (MailBoxSearchCriterion, 2.2.1.2), or the status that refuses it.
 *
 * <p>Search's Query holds one And of: airsync:Class, airsync:CollectionId, FreeText, GreaterThan and LessThan of
 * email:DateReceived, ConversationId. Anything else (Or, EqualTo, a comparison of another property, two
 * ConversationIds) is Store Status 8, "too complex", as Exchange answers it; an unreadable value or a query without
 * any criterion is 2. Its Range is cut to 100 results. Find's Query holds airsync:Class, airsync:CollectionId and
 * FreeText; its Range reaches up to 999.
 */
final class MailboxQueries {
    static final int INVALID = 2;
    static final int TOO_COMPLEX = 8;
    /** The most results one Search answer carries (MS-ASCMD Range (Search): 100 for Mailbox). */
    static final int SEARCH_PAGE = 100;
    /** Find's Range: 0 ≤ m ≤ n ≤ 999. */
    static final int FIND_LAST = 999;
    private static final int MAX_TEXT = 1024;
    private static final int MAX_FOLDERS = 100;
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,9})-(\\d{1,9})\\s*");

    private static final String S = "Search:";
    private static final String F = "Find:";
    private static final Tag CLASS = Tag.of("AirSync:", "Class");
    private static final Tag COLLECTION_ID = Tag.of("AirSync:", "CollectionId");
    private static final Tag DATE_RECEIVED = Tag.of("Email:", "DateReceived");
    private static final Tag AND = Tag.of(S, "And");
    private static final Tag FREE_TEXT = Tag.of(S, "FreeText");
    private static final Tag GREATER_THAN = Tag.of(S, "GreaterThan");
    private static final Tag LESS_THAN = Tag.of(S, "LessThan");
    private static final Tag VALUE = Tag.of(S, "Value");
    private static final Tag CONVERSATION_ID = Tag.of(S, "ConversationId");
    private static final Tag SEARCH_QUERY = Tag.of(S, "Query");
    private static final Tag SEARCH_OPTIONS = Tag.of(S, "Options");
    private static final Tag SEARCH_RANGE = Tag.of(S, "Range");
    private static final Tag SEARCH_DEEP = Tag.of(S, "DeepTraversal");
    private static final Tag REBUILD = Tag.of(S, "RebuildResults");
    private static final Tag FIND_QUERY = Tag.of(F, "Query");
    private static final Tag FIND_FREE_TEXT = Tag.of(F, "FreeText");
    private static final Tag FIND_OPTIONS = Tag.of(F, "Options");
    private static final Tag FIND_RANGE = Tag.of(F, "Range");
    private static final Tag FIND_DEEP = Tag.of(F, "DeepTraversal");

    /**
     * A readable mailbox query.
     *
     * @param mail    whether the query asks for mail at all (a Class list without Email finds nothing here: only mail is
     *                searched, contacts, appointments and tasks are not in the mailbox store of this server)
     * @param first     the first result asked for
     * @param last      the last result to answer: the request's, or cut to the most one answer carries
     * @param requested the last result the request asked for
     */
    record Query(MailQuery query, boolean mail, int first, int last, int requested, boolean rebuild) {
        /**
         * MS-ASCMD Store Status 12, "end of retrievable range": the client asked for results that exist but that no
         * answer to this request carries: beyond the most one answer carries, or beyond the {@code retrievable}
         * newest that any page reaches.
         */
        boolean beyondReach(long total, long retrievable) {
            boolean cut = requested > last && total > last + 1L;
            boolean unreachable = requested >= retrievable && total > retrievable;
            return cut || unreachable;
        }
    }

    /** A query, or the status refusing the request ({@code query} null). */
    record Read(Query query, int status) {
        static Read refused(int status) {
            return new Read(null, status);
        }
    }

    private MailboxQueries() {
    }

    /** Search's Store with Name Mailbox. */
    static Read search(Element store) {
        Optional<Element> query = store.child(SEARCH_QUERY);
        if (query.isEmpty() || query.get().hasText() && !query.get().text().isBlank()) {
            return Read.refused(INVALID);
        }
        List<Element> top = query.get().children();
        if (top.isEmpty()) {
            return Read.refused(INVALID);
        }
        if (top.size() != 1 || !top.get(0).is(AND)) {
            return Read.refused(TOO_COMPLEX);
        }
        Criteria c = new Criteria();
        for (Element e : top.get(0).children()) {
            int status = c.searchCriterion(e);
            if (status != 0) {
                return Read.refused(status);
            }
        }
        Optional<Element> options = store.child(SEARCH_OPTIONS);
        int[] range = range(options.flatMap(o -> o.childText(SEARCH_RANGE)), Integer.MAX_VALUE);
        if (range == null) {
            return Read.refused(INVALID);
        }
        boolean deep = options.flatMap(o -> o.child(SEARCH_DEEP)).isPresent();
        boolean rebuild = options.flatMap(o -> o.child(REBUILD)).isPresent();
        return c.read(range, SEARCH_PAGE, deep, rebuild);
    }

    /** Find's MailBoxSearchCriterion. */
    static Read find(Element criterion) {
        Optional<Element> query = criterion.child(FIND_QUERY);
        if (query.isEmpty()) {
            return Read.refused(INVALID);
        }
        Criteria c = new Criteria();
        for (Element e : query.get().children()) {
            if (e.is(FIND_FREE_TEXT)) {
                if (c.freeText(e) != 0) {
                    return Read.refused(INVALID);
                }
            } else if (!c.scope(e)) {
                return Read.refused(INVALID);
            }
        }
        if (c.terms.isEmpty()) {
            return Read.refused(INVALID); // Find searches by FreeText
        }
        Optional<Element> options = criterion.child(FIND_OPTIONS);
        int[] range = range(options.flatMap(o -> o.childText(FIND_RANGE)), FIND_LAST);
        if (range == null) {
            return Read.refused(INVALID);
        }
        return c.read(range, FIND_LAST + 1, options.flatMap(o -> o.child(FIND_DEEP)).isPresent(), false);
    }

    /** "m-n" with m ≤ n ≤ {@code max}; the default 0-99 (Search) or 0-999 (Find) when absent; null when unreadable. */
    private static int[] range(Optional<String> text, int max) {
        if (text.isEmpty()) {
            return new int[] {0, max == Integer.MAX_VALUE ? SEARCH_PAGE - 1 : max};
        }
        Matcher m = RANGE.matcher(text.get());
        if (!m.matches()) {
            return null;
        }
        int first = Integer.parseInt(m.group(1));
        int last = Integer.parseInt(m.group(2));
        return first > last || last > max ? null : new int[] {first, last};
    }

    /** The criteria as they are read. */
    private static final class Criteria {
        final List<String> terms = new ArrayList<>();
        final List<String> folders = new ArrayList<>();
        final List<String> classes = new ArrayList<>();
        Instant after;
        Instant before;
        byte[] conversation;

        /** 0, or the status refusing the criterion. */
        int searchCriterion(Element e) {
            if (e.is(FREE_TEXT)) {
                return freeText(e);
            }
            if (e.is(GREATER_THAN) || e.is(LESS_THAN)) {
                return comparison(e);
            }
            if (e.is(CONVERSATION_ID)) {
                if (conversation != null) {
                    return TOO_COMPLEX;
                }
                conversation = e.bytes();
                return conversation.length == 16 ? 0 : INVALID;
            }
            if (e.is(CLASS) || e.is(COLLECTION_ID)) {
                return scope(e) ? 0 : INVALID;
            }
            return TOO_COMPLEX; // Or, EqualTo, a nested And
        }

        int freeText(Element e) {
            if (!e.children().isEmpty() || e.text().length() > MAX_TEXT) {
                return INVALID;
            }
            MailQuery.terms(e.text()).stream().filter(t -> !terms.contains(t)).forEach(terms::add);
            return terms.size() > MailQuery.MAX_TERMS ? TOO_COMPLEX : 0;
        }

        /** GreaterThan or LessThan: email:DateReceived, then Value; at most one of each. */
        private int comparison(Element e) {
            List<Element> parts = e.children();
            if (parts.size() != 2 || !parts.get(1).is(VALUE)) {
                return INVALID;
            }
            if (!parts.get(0).is(DATE_RECEIVED)) {
                return TOO_COMPLEX; // the only property a mailbox search compares
            }
            Optional<Instant> value = instant(parts.get(1).text());
            if (value.isEmpty()) {
                return INVALID;
            }
            if (e.is(GREATER_THAN)) {
                if (after != null) {
                    return TOO_COMPLEX;
                }
                after = value.get();
            } else {
                if (before != null) {
                    return TOO_COMPLEX;
                }
                before = value.get();
            }
            return 0;
        }

        /** Class or CollectionId: a value each, a hundred folders at most. */
        boolean scope(Element e) {
            if (!e.children().isEmpty() || e.text().isBlank()) {
                return false;
            }
            if (e.is(CLASS)) {
                classes.add(e.text().trim());
                return true;
            }
            if (e.is(COLLECTION_ID)) {
                folders.add(e.text().trim());
                return folders.size() <= MAX_FOLDERS;
            }
            return false;
        }

        Read read(int[] range, int pageLength, boolean deep, boolean rebuild) {
            MailQuery query = new MailQuery(terms, folders, deep, after, before, conversation);
            if (!query.hasCriteria()) {
                return Read.refused(INVALID);
            }
            boolean mail = classes.isEmpty() || classes.stream().anyMatch(c -> c.equalsIgnoreCase("Email"));
            int last = (int) Math.min(range[1], (long) range[0] + pageLength - 1);
            return new Read(new Query(query, mail, range[0], last, range[1], rebuild), 0);
        }
    }

    /** An EAS date-time ("2026-11-23T10:00:00.000Z"); an offset other than Z is accepted too. */
    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
