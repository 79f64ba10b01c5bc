package org.syncbridge.mail.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * What a mailbox search asks for, whatever protocol asked: every term somewhere in the mail (its headers or its
 * text), received after and before the given instants, of the given conversation, in the given folders (all the
 * user's mail folders when none is named) and, with {@code deepTraversal}, their subfolders.
 *
 * @param terms          words or phrases, each of which must occur; none for no text criterion
 * @param collectionIds  the folders to search; empty: every mail folder the user sees
 * @param receivedAfter  only mail received after this instant, or null
 * @param receivedBefore only mail received before this instant, or null
 * @param conversationId the 16-byte ConversationId of MS-ASCON the mails must share, or null
 */
public record MailQuery(List<String> terms, List<String> collectionIds, boolean deepTraversal, Instant receivedAfter,
                        Instant receivedBefore, byte[] conversationId) {
    /** More terms make a query no server answers quickly without a full-text index. */
    public static final int MAX_TERMS = 10;

    public MailQuery {
        terms = List.copyOf(terms);
        collectionIds = List.copyOf(collectionIds);
        conversationId = conversationId == null ? null : conversationId.clone();
    }

    /**
     * The terms of a free-text query: words separated by white space, and "quoted phrases" kept whole. Exchange
     * reads FreeText the same way: every word must match, in any order.
     */
    public static List<String> terms(String freeText) {
        List<String> terms = new ArrayList<>();
        StringBuilder term = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < freeText.length(); i++) {
            char c = freeText.charAt(i);
            if (c == '"') {
                add(terms, term);
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                add(terms, term);
            } else {
                term.append(c);
            }
        }
        add(terms, term);
        return terms;
    }

    private static void add(List<String> terms, StringBuilder term) {
        String t = term.toString().strip();
        if (!t.isEmpty() && !terms.contains(t)) {
            terms.add(t);
        }
        term.setLength(0);
    }

    /** Whether the query asks for anything beyond a choice of folders. */
    public boolean hasCriteria() {
        return !terms.isEmpty() || receivedAfter != null || receivedBefore != null || conversationId != null;
    }

    /** Equal for equal queries: the key under which a device's last results are remembered. */
    public String key() {
        StringBuilder key = new StringBuilder();
        for (String text : terms) {
            key.append(text.length()).append(':').append(text); // length-prefixed: no term can pass for two
        }
        for (String id : collectionIds) {
            key.append('|').append(id.length()).append(':').append(id);
        }
        return key.append('|').append(deepTraversal).append('|').append(receivedAfter).append('|').append(receivedBefore)
                .append('|').append(conversationId == null ? "" : HexFormat.of().formatHex(conversationId)).toString();
    }

    @Override
    public byte[] conversationId() {
        return conversationId == null ? null : conversationId.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailQuery q && key().equals(q.key());
    }

    @Override
    public int hashCode() {
        return Objects.hash(key());
    }

    @Override
    public String toString() {
        return "MailQuery[" + key() + "]";
    }
}
