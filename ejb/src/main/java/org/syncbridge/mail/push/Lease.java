package org.syncbridge.mail.push;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** One parked request's interest in some mail folders of a user; released once, when the request ends. */
final class Lease {
    final long userId;
    final Set<String> folderIds;
    private final MailWatchers owner;
    private final AtomicBoolean released = new AtomicBoolean();

    Lease(MailWatchers owner, long userId, Set<String> folderIds) {
        this.owner = owner;
        this.userId = userId;
        this.folderIds = Set.copyOf(folderIds);
    }

    void release() {
        if (released.compareAndSet(false, true)) {
            owner.release(this);
        }
    }
}
