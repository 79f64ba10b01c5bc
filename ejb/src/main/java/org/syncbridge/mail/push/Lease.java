package org.syncbridge.mail.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** One parked request's interest in some mail folders of a user; released once, when the request ends. */
final class Lease {
    final long userId;
    final Set<String> folderIds;
    private final MailWatchers owner;
    private final AtomicBoolean released = new AtomicBoolean();
    /** Its checks still queued on watched folders, to withdraw when it ends; guarded by the {@link MailWatchers}. */
    final List<Map.Entry<Watched, Check>> checks = new ArrayList<>();

    Lease(MailWatchers owner, long userId, Set<String> folderIds) {
        this.owner = owner;
        this.userId = userId;
        this.folderIds = Set.copyOf(folderIds);
    }

    boolean released() {
        return released.get();
    }

    void release() {
        if (released.compareAndSet(false, true)) {
            owner.release(this);
        }
    }
}
