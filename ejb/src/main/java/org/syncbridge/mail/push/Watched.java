package org.syncbridge.mail.push;

import java.util.concurrent.ScheduledFuture;

/** A mail folder of a user that parked requests watch, and how many do. Guarded by the {@link MailWatchers}. */
final class Watched {
    final String folderId;
    final String imapName;
    int parked;
    /** The end of the grace period once no request watches it any more. */
    ScheduledFuture<?> grace;
    /** Its last STATUS, while it is polled on another folder's connection. */
    volatile Snapshot lastStatus;

    Watched(String folderId, String imapName) {
        this.folderId = folderId;
        this.imapName = imapName;
    }

    boolean inbox() {
        return "INBOX".equalsIgnoreCase(imapName);
    }
}
