package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ConversationId and ConversationIndex (MS-ASCON 2.2.2.3, 2.2.2.4) from a mail's threading headers, so every mail of a
 * thread gets the same id without reading the others. A search by ConversationId reads the same headers
 * ({@link #HEADERS}) through {@link #id(MimeMessage)} and {@link #root(MimeMessage)}.
 */
public final class Conversation {
    /** The headers a mail's ConversationId comes from. */
    public static final List<String> HEADERS = List.of("References", "In-Reply-To", "Message-ID", "From", "Date", "Subject");
    /** FILETIME ticks (100 ns since 1601-01-01) at the Unix epoch */
    private static final long EPOCH_TICKS = 116_444_736_000_000_000L;
    /** deeper threads are not told apart any further: the index stays small */
    static final int MAX_LEVELS = 50;
    private static final Pattern MSG_ID = Pattern.compile("<([^<>]+)>");

    private Conversation() {
    }

    /** The ids in a References or In-Reply-To header, without angle brackets, in order. */
    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = MSG_ID.matcher(header);
            while (m.find()) {
                ids.add(m.group(1).trim());
            }
        }
        return ids;
    }

    /**
     * 16 bytes: the MD5 of the thread's root Message-ID (the first of References, else In-Reply-To, else the mail's
     * own Message-ID); a mail without any of them is a thread of its own, keyed by {@code fallback}.
     */
    static byte[] id(String references, String inReplyTo, String messageId, String fallback) {
        String root = root(references, inReplyTo, messageId);
        return md5(root != null ? root : fallback);
    }

    /** The thread's root Message-ID as a mail names it, without angle brackets; null when it names none. */
    private static String root(String references, String inReplyTo, String messageId) {
        List<String> refs = ids(references);
        List<String> reply = ids(inReplyTo);
        List<String> own = ids(messageId);
        return !refs.isEmpty() ? refs.get(0) : !reply.isEmpty() ? reply.get(0) : !own.isEmpty() ? own.get(0)
                : messageId != null && !messageId.isBlank() ? messageId.trim() : null;
    }

    /** What keys the thread of a mail without any Message-ID: its sender, date and subject. */
    static String fallback(MimeMessage message) throws MessagingException {
        return Parts.unfolded(message, "From") + "\n" + Parts.unfolded(message, "Date") + "\n" + Parts.unfolded(message, "Subject");
    }

    /** The ConversationId of a mail, as the mail reader sends it. */
    public static byte[] id(MimeMessage message) throws MessagingException {
        return id(Parts.unfolded(message, "References"), Parts.unfolded(message, "In-Reply-To"), Parts.unfolded(message, "Message-ID"),
                fallback(message));
    }

    /**
     * The Message-ID the mail's ConversationId is made of (the first of its References, else of its In-Reply-To, else its
     * own), so the thread's other mails can be searched for by header; empty for a mail without any.
     */
    public static Optional<String> root(MimeMessage message) throws MessagingException {
        return Optional.ofNullable(root(Parts.unfolded(message, "References"), Parts.unfolded(message, "In-Reply-To"),
                Parts.unfolded(message, "Message-ID")));
    }

    /** How deep in its thread a mail is: the number of References, else 1 for a mere In-Reply-To. */
    static int depth(String references, String inReplyTo) {
        int refs = ids(references).size();
        return Math.min(MAX_LEVELS, refs > 0 ? refs : ids(inReplyTo).isEmpty() ? 0 : 1);
    }

    /**
     * MS-ASCON's ConversationIndex: a 5-byte header, the 40 high bits of the FILETIME of {@code sent}, big-endian
     * (as MS-OXOMSG's Current FILETIME), then one 5-byte response level per reply level. The earlier mails' times are
     * not known here, so each level's time delta is 0 (DC bit 0, 31 bits of delta 0) and its last byte holds a
     * 4-bit random part taken from the mail's own id and a 4-bit sequence count: the same mail always gets the same
     * index, and a reply's index is longer than its parent's.
     */
    static byte[] index(Instant sent, int depth, String ownId) {
        long ticks = Math.max(0, sent.getEpochSecond() * 10_000_000L + sent.getNano() / 100 + EPOCH_TICKS);
        byte[] index = new byte[5 + 5 * depth];
        long high = ticks >>> 24;
        for (int i = 0; i < 5; i++) {
            index[i] = (byte) (high >>> 8 * (4 - i));
        }
        int random = md5(ownId == null ? "" : ownId)[0] & 0x0F;
        for (int level = 0; level < depth; level++) {
            index[5 + 5 * level + 4] = (byte) (random << 4 | level & 0x0F);
        }
        return index;
    }

    private static byte[] md5(String s) {
        try {
            return MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
