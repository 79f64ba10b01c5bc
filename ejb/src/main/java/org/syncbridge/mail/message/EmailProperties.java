package org.syncbridge.mail.message;

/**
 * The names under which a mail's properties travel from the mail store to the protocol codecs (and back for
 * what a client may change). Values are strings unless said otherwise; a property that is absent is not sent.
 */
public final class EmailProperties {
    /** Addresses as RFC 5322 text, display names decoded ("Ann Example" &lt;ann@example.com&gt;, ...). */
    public static final String TO = "to", CC = "cc", BCC = "bcc", FROM = "from", REPLY_TO = "replyTo", SENDER = "sender";
    /** Decoded text. DisplayTo: the display names of To, separated by "; ". */
    public static final String SUBJECT = "subject", DISPLAY_TO = "displayTo", THREAD_TOPIC = "threadTopic";
    /** The IMAP arrival date (INTERNALDATE), ISO-8601 instant. */
    public static final String DATE_RECEIVED = "dateReceived";
    /** "0" low, "1" normal, "2" high. */
    public static final String IMPORTANCE = "importance";
    /** "0" or "1" (from \Seen). */
    public static final String READ = "read";
    /** "0" none (clears the flag), "1" complete, "2" flagged for follow-up (from \Flagged). */
    public static final String FLAG_STATUS = "flagStatus";
    /** List of strings (IMAP keywords). */
    public static final String CATEGORIES = "categories";
    /** IPM.Note, IPM.Note.SMIME, IPM.Note.SMIME.MultipartSigned, IPM.Schedule.Meeting.Request, REPORT.IPM.Note.NDR, ... */
    public static final String MESSAGE_CLASS = "messageClass";
    public static final String CONTENT_CLASS = "contentClass";
    /** "65001": text bodies are sent as UTF-8. */
    public static final String INTERNET_CPID = "internetCPID";
    /** "1" plain, "2" HTML, "4" MIME-only content (signed or encrypted). */
    public static final String NATIVE_BODY_TYPE = "nativeBodyType";
    /** byte[]: 16 bytes identifying the thread; byte[]: 5-byte header plus 5 bytes per reply level (MS-ASCON). */
    public static final String CONVERSATION_ID = "conversationId", CONVERSATION_INDEX = "conversationIndex";
    /** "0" none, "1" reply to sender, "2" reply to all, "3" forward (from \Answered, $Forwarded). */
    public static final String LAST_VERB_EXECUTED = "lastVerbExecuted";
    /** "1" when the user's address is in neither To nor Cc. */
    public static final String RECEIVED_AS_BCC = "receivedAsBcc";
    /** "1" for a mail in the Drafts folder (16.0). */
    public static final String IS_DRAFT = "isDraft";
    /** A {@link ChosenBody}; absent when the client asked only for the message part. */
    public static final String BODY = "body";
    /** A {@link ChosenBodyPart}: the mail's own text without the earlier mails it quotes; only when asked for (14.1). */
    public static final String BODY_PART = "bodyPart";
    /** A list of {@link MailAttachment}. */
    public static final String ATTACHMENTS = "attachments";
    /**
     * From a client (16.0 drafts), the attachments it adds: a list of maps with "clientId" (its temporary id, to be
     * answered with the new FileReference), "displayName", "contentType", "content" (byte[]), "method" ("1" normal,
     * "5" embedded message), and where sent "isInline" ("0" or "1"), "contentId", "contentLocation".
     */
    public static final String ATTACHMENTS_ADDED = "attachmentsAdded";
    /** From a client (16.0 drafts), the attachments it removes: a list of their FileReference strings. */
    public static final String ATTACHMENTS_DELETED = "attachmentsDeleted";
    /**
     * For an iMIP REQUEST, CANCEL or REPLY: its members as "meetingRequest.member" properties (allDayEvent,
     * startTime, endTime, dtStamp (ISO instants), location, organizer, globalObjId (base64, MS-ASEMAIL's
     * encoding of the UID), instanceType, recurrenceId, reminder (seconds before the start), responseRequested, sensitivity,
     * busyStatus, timeZone (an IANA zone id), meetingMessageType, disallowNewTimeProposal, uid) and
     * "meetingRequest.recurrences": a list of maps (type, interval, until, occurrences, weekOfMonth,
     * dayOfMonth, dayOfWeek, monthOfYear, firstDayOfWeek).
     */
    public static final String MEETING_REQUEST = "meetingRequest";

    private EmailProperties() {
    }
}
