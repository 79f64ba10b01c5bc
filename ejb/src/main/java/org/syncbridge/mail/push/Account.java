package org.syncbridge.mail.push;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncbridge.mail.MailLogin;

/**
 * One user's watched mail folders and the connections that watch them, with the login of the latest parked
 * request (held only while the user has watched folders). Guarded by the {@link MailWatchers}.
 */
final class Account {
    final long contextId;
    final long userId;
    MailLogin login;
    /** By folder id, in the order they were first watched. */
    final Map<String, Watched> folders = new LinkedHashMap<>();
    /** The connections, by the folder each has selected. */
    final Map<String, Line> lines = new LinkedHashMap<>();

    Account(long contextId, long userId, MailLogin login) {
        this.contextId = contextId;
        this.userId = userId;
        this.login = login;
    }

    /** The folders in the order they get connections: the Inbox first, then as they came. */
    List<Watched> byPriority() {
        return folders.values().stream().sorted(Comparator.comparing(w -> !w.inbox())).toList();
    }

    /** The connection that polls the folders without one: the first in priority order. */
    Line poller() {
        return byPriority().stream().map(w -> lines.get(w.folderId)).filter(l -> l != null).findFirst().orElse(null);
    }

    List<Watched> withoutLine() {
        return byPriority().stream().filter(w -> !lines.containsKey(w.folderId)).toList();
    }
}
