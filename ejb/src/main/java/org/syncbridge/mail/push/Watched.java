package org.syncbridge.mail.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    /** Parked requests' checks waiting for the folder's next STATUS (taken by the connection that sends it). */
    final Queue<Check> checks = new ConcurrentLinkedQueue<>();

    Watched(String folderId, String imapName) {
        this.folderId = folderId;
        this.imapName = imapName;
    }

    /** The checks waiting now, for a STATUS about to be sent; later ones wait for the next. */
    List<Check> takeChecks() {
        List<Check> taken = new ArrayList<>();
        for (Check c; (c = checks.poll()) != null; ) {
            taken.add(c);
        }
        return taken;
    }

    boolean inbox() {
        return "INBOX".equalsIgnoreCase(imapName);
    }
}
