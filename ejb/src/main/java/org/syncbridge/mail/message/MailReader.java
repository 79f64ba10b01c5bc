package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Reads one mail into its {@link EmailProperties}. The message is navigated part by part (for an IMAP message each
 * part is fetched by its section, when needed); its whole bytes are read only for a client that gets it as MIME, and
 * then only as many as it gets. It keeps no state between calls: one instance serves every request.
 */
public final class MailReader {
    /** The most bytes of any body form sent when the client asks no less. */
    public static final long DEFAULT_ITEM_CAP = 8L << 20;
    /** The most bytes of a body's HTML read into memory to find its message part in (BodyPart, 14.1). */
    static final int MESSAGE_PART_READ = 1 << 20;
    static final String CONTENT_CLASS_MESSAGE = "urn:content-classes:message";
    static final String CONTENT_CLASS_MEETING = "urn:content-classes:calendarmessage";
    private static final Logger LOG = Logger.getLogger(MailReader.class.getName());
    /** The most bytes of a calendar part read. */
    private static final int CALENDAR_MAX = 4 << 20;
    /** reply and forward prefixes of the languages mail programs most often write (ThreadTopic) */
    private static final Pattern PREFIXES = Pattern.compile(
            "^(\\s*(re|fwd?|aw|wg|sv|vs|antw|tr|rif|r|enc|odp|pd|ynt|vb|doorst)(\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*)+",
            Pattern.CASE_INSENSITIVE);

    private final InvitationReader invitations;
    private final long itemCap;
    private final BodyChooser bodies;
    private final BodyPartChooser parts;

    public MailReader(InvitationReader invitations) {
        this(invitations, DEFAULT_ITEM_CAP);
    }

    /** @param itemCap the most bytes of any body form sent, even when the client asks for the whole body */
    public MailReader(InvitationReader invitations, long itemCap) {
        this.invitations = invitations;
        this.itemCap = itemCap;
        this.bodies = new BodyChooser(itemCap);
        this.parts = new BodyPartChooser(itemCap, (int) Math.min(itemCap, MESSAGE_PART_READ));
    }

    /**
     * @param raw           the message's original bytes, read only when the body goes as MIME
     * @param fileReference "folderId:serverId": each attachment's FileReference is this, ":" and its IMAP section
     * @param ownAddresses  the user's addresses: ReceivedAsBcc is "1" when none is in To or Cc (not set when empty)
     */
    public Map<String, Object> read(MimeMessage message, MessageFacts facts, RawSource raw, BodyRequest request,
                                    String fileReference, Collection<String> ownAddresses)
            throws MessagingException, IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        List<InternetAddress> to = addresses(message, "To"), cc = addresses(message, "Cc");
        putAddresses(p, EmailProperties.TO, to);
        putAddresses(p, EmailProperties.CC, cc);
        putAddresses(p, EmailProperties.BCC, addresses(message, "Bcc"));
        putAddresses(p, EmailProperties.FROM, addresses(message, "From"));
        putAddresses(p, EmailProperties.REPLY_TO, addresses(message, "Reply-To"));
        putAddresses(p, EmailProperties.SENDER, addresses(message, "Sender"));
        if (!to.isEmpty()) {
            p.put(EmailProperties.DISPLAY_TO, Addresses.displayNames(to));
        }
        String subject = EncodedWords.decode(Parts.unfolded(message, "Subject"));
        if (subject != null) {
            p.put(EmailProperties.SUBJECT, subject);
            p.put(EmailProperties.THREAD_TOPIC, threadTopic(subject));
        }
        Instant received = facts.internalDate() != null ? facts.internalDate()
                : message.getSentDate() != null ? message.getSentDate().toInstant() : null;
        if (received != null) {
            p.put(EmailProperties.DATE_RECEIVED, received.toString());
        }
        p.put(EmailProperties.IMPORTANCE, importance(message));
        p.putAll(FlagProperties.of(facts.flags()));
        p.put(EmailProperties.IS_DRAFT, facts.flags().contains(jakarta.mail.Flags.Flag.DRAFT) ? "1" : "0");
        if (!ownAddresses.isEmpty()) {
            boolean seen = Addresses.contains(to, ownAddresses) || Addresses.contains(cc, ownAddresses);
            p.put(EmailProperties.RECEIVED_AS_BCC, seen ? "0" : "1");
        }
        conversation(p, message, facts, received);

        MessageStructure structure = MessageStructure.of(message, (int) Math.min(itemCap, CALENDAR_MAX));
        String messageClass = MessageClass.of(structure);
        if (MessageClass.meeting(messageClass) && !invitation(p, structure)) {
            messageClass = MessageClass.NOTE;
        }
        p.put(EmailProperties.MESSAGE_CLASS, messageClass);
        p.put(EmailProperties.CONTENT_CLASS, MessageClass.meeting(messageClass) ? CONTENT_CLASS_MEETING : CONTENT_CLASS_MESSAGE);
        p.put(EmailProperties.INTERNET_CPID, "65001");
        p.put(EmailProperties.NATIVE_BODY_TYPE, structure.smime() ? "4" : structure.html != null ? "2" : "1");
        if (request.wantsBody()) {
            p.put(EmailProperties.BODY, bodies.choose(structure, request, raw, facts.size()));
        }
        Optional<BodyWish> part = request.partWishes().stream().filter(w -> w.type() == BodyType.HTML).findFirst();
        if (part.isPresent()) {
            p.put(EmailProperties.BODY_PART, parts.choose(structure, part.get()));
        }
        p.put(EmailProperties.ATTACHMENTS, attachments(structure, fileReference));
        return p;
    }

    /**
     * The iCalendar text of the mail's iMIP part (its first text/calendar with METHOD REQUEST, CANCEL or REPLY that is
     * not an attachment), if it has one. The parts are found from the structure (an IMAP message's BODYSTRUCTURE); only
     * a calendar part is fetched.
     */
    public static java.util.Optional<String> invitationText(MimeMessage message) throws MessagingException, IOException {
        return java.util.Optional.ofNullable(MessageStructure.of(message, CALENDAR_MAX).calendarText);
    }

    /** Merges the invitation reader's properties; false when it could not read the invitation. */
    private boolean invitation(Map<String, Object> p, MessageStructure structure) {
        try {
            Map<String, Object> meeting = invitations.read(structure.calendarText);
            if (meeting != null) {
                p.putAll(meeting);
            }
            return true;
        } catch (RuntimeException e) {
            // a broken invitation still is a readable mail: shown as a note, its calendar part unread
            LOG.log(Level.FINE, "unreadable iMIP " + structure.calendarMethod + ": " + e, e);
            return false;
        }
    }

    private static List<MailAttachment> attachments(MessageStructure structure, String fileReference)
            throws MessagingException, IOException {
        List<MailAttachment> list = new ArrayList<>();
        for (MessageStructure.Leaf leaf : structure.attachments) {
            Part part = leaf.part();
            String type = Parts.baseType(part);
            list.add(new MailAttachment(fileReference + ":" + leaf.section(), Parts.displayName(part, leaf.section()),
                    decodedSize(part), type.equals("message/rfc822") ? 5 : 1, Parts.contentId(part),
                    Parts.contentLocation(part), leaf.inline(), type));
        }
        return list;
    }

    /**
     * The decoded size, estimated from the encoded one: base64 as encoded * 57 / 78 (76-character lines ending in
     * CRLF, as RFC 2045 asks; a few percent low for other line lengths), quoted-printable and the rest as encoded
     * (at most a little high).
     */
    static long decodedSize(Part part) throws MessagingException {
        long size = Math.max(0, part.getSize());
        return "base64".equals(Parts.encoding(part)) ? size * 57 / 78 : size;
    }

    private static void conversation(Map<String, Object> p, MimeMessage message, MessageFacts facts, Instant received)
            throws MessagingException {
        String references = Parts.unfolded(message, "References");
        String inReplyTo = Parts.unfolded(message, "In-Reply-To");
        String messageId = Parts.unfolded(message, "Message-ID");
        String fallback = Conversation.fallback(message);
        p.put(EmailProperties.CONVERSATION_ID, Conversation.id(references, inReplyTo, messageId, fallback));
        Instant sent = message.getSentDate() != null ? message.getSentDate().toInstant()
                : received != null ? received : Instant.EPOCH;
        p.put(EmailProperties.CONVERSATION_INDEX, Conversation.index(sent, Conversation.depth(references, inReplyTo),
                messageId != null ? messageId : fallback));
    }

    /** "2" high, "0" low, "1" normal: from Importance, else X-Priority (1-2 high, 4-5 low). */
    static String importance(MimeMessage message) throws MessagingException {
        String importance = Parts.unfolded(message, "Importance");
        if (importance != null) {
            switch (importance.toLowerCase(Locale.ROOT)) {
                case "high" -> {
                    return "2";
                }
                case "low" -> {
                    return "0";
                }
                default -> {
                    return "1";
                }
            }
        }
        String priority = Parts.unfolded(message, "X-Priority");
        if (priority != null && !priority.isEmpty()) {
            char c = priority.charAt(0);
            if (c == '1' || c == '2') {
                return "2";
            }
            if (c == '4' || c == '5') {
                return "0";
            }
        }
        return "1";
    }

    /** The subject without its reply and forward prefixes (MS-ASEMAIL ThreadTopic). */
    static String threadTopic(String subject) {
        return PREFIXES.matcher(subject).replaceFirst("").strip();
    }

    private static List<InternetAddress> addresses(MimeMessage message, String header) throws MessagingException {
        return Addresses.parse(message.getHeader(header, ","));
    }

    private static void putAddresses(Map<String, Object> p, String key, List<InternetAddress> addresses) {
        if (!addresses.isEmpty()) {
            p.put(key, Addresses.format(addresses));
        }
    }
}
