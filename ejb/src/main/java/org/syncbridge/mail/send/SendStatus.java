package org.syncbridge.mail.send;

/** How a submission ended; the EAS layer turns each into its protocol's status. */
public enum SendStatus {
    /** The SMTP server accepted it. */
    SENT,
    /** A repeat (same ClientId, or the same iMIP invitation again): answered as the first time, submitted once. */
    ALREADY_SENT,
    /** The phone's message is not MIME. */
    INVALID_MIME,
    /** To, Cc and Bcc name nobody. */
    NO_RECIPIENTS,
    /** From (or Sender) is not one of the user's addresses. */
    FROM_NOT_ALLOWED,
    /** The mail a SmartReply or SmartForward names is not (or no longer) there. */
    ITEM_NOT_FOUND,
    /** Larger than this server or the SMTP server takes. */
    TOO_LARGE,
    /** The SMTP server refused it (its reason is in the log). */
    SUBMISSION_FAILED,
    /** An AccountId: the user has only the one account, which Settings names by no AccountId. */
    INVALID_ACCOUNT,
    /** The same submission is running in another request right now. */
    RETRY_LATER;

    public boolean sent() {
        return this == SENT || this == ALREADY_SENT;
    }
}
