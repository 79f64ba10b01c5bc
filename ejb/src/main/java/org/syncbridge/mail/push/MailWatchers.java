package org.syncbridge.mail.push;

import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.IdleManager;
import org.syncbridge.mail.MailLogin;

/**
 * Keeps IMAP connections on the mail folders that parked requests watch, and reports their changes.
 * <p>
 * Each watched folder of a user gets a connection of its own with the folder selected, up to
 * {@link MailPushSettings#perUser()} per user and {@link MailPushSettings#perNode()} on this node, the Inbox first;
 * it waits in IDLE through the one {@link IdleManager} (no thread per connection), or, where the server lacks
 * IDLE, sends NOOP every poll interval. The folders beyond those bounds are polled with STATUS on the user's first
 * connection. A connection closes a grace period after the last request watching its folder ended, and reconnects
 * with a doubling, spread delay when it fails. No IMAP I/O happens under this object's lock: connections open,
 * poll and close on {@code workers}.
 * <p>
 * A watcher reports changes from the moment it watches. A request that parks is told also of what changed before,
 * since its device's last sync ({@link #compare}): one STATUS per folder on the connection the folder has anyway.
 */
final class MailWatchers {
    private static final Logger LOG = Logger.getLogger(MailWatchers.class.getName());

    /** Opens a logged-in store; its connection is the one the watched folder will use. */
    interface Connector {
        IMAPStore connect(MailLogin login) throws MessagingException;
    }

    /** Told that a watched folder changed. */
    interface Publisher {
        void changed(long contextId, long userId, String folderId);
    }

    /** Told that mail arrived in a user's Inbox, before the change is published (invitations go to the calendar). */
    interface Arrivals {
        void inboxGrew(long userId, MailLogin login);
    }

    final MailPushSettings settings;
    final Connector connector;
    /** Null: no IDLE, every connection polls. */
    final IdleManager idle;
    final ScheduledExecutorService timers;
    final Executor workers;
    final Counters counters = new Counters();
    private final Publisher publisher;
    private final Arrivals arrivals;
    private volatile boolean idleStopped;
    private final Map<Long, Account> accounts = new HashMap<>();
    /** Connections allotted on this node (open, opening or waiting to reconnect). */
    private int allotted;
    private boolean shutDown;

    MailWatchers(MailPushSettings settings, Connector connector, IdleManager idle, ScheduledExecutorService timers,
                 Executor workers, Publisher publisher) {
        this(settings, connector, idle, timers, workers, publisher, (user, login) -> { });
    }

    MailWatchers(MailPushSettings settings, Connector connector, IdleManager idle, ScheduledExecutorService timers,
                 Executor workers, Publisher publisher, Arrivals arrivals) {
        this.arrivals = arrivals;
        this.settings = settings;
        this.connector = connector;
        this.idle = settings.useIdle() ? idle : null;
        this.timers = timers;
        this.workers = workers;
        this.publisher = publisher;
    }

    /** Whether new connections may use IDLE: there is an IdleManager and its select loop has not died. */
    boolean idleUsable() {
        return idle != null && !idleStopped;
    }

    /** The IdleManager's select loop died (it stops on an unexpected error): from now on connections poll. */
    void idleStopped() {
        if (!idleStopped) {
            idleStopped = true;
            LOG.severe("The IMAP IdleManager stopped; mail folders are polled every " + settings.poll().toMillis() + " ms until redeploy");
        }
    }

    /** Watches {@code folders} (id → IMAP name) of a user for one parked request, logging in as {@code login}. */
    synchronized Lease acquire(long contextId, long userId, MailLogin login, Map<String, String> folders) {
        if (shutDown) {
            return new Lease(this, userId, Set.of());
        }
        Account account = accounts.computeIfAbsent(userId, u -> new Account(contextId, userId, login));
        boolean newLogin = !login.equals(account.login);
        account.login = login;
        folders.forEach((id, name) -> {
            Watched w = account.folders.computeIfAbsent(id, i -> new Watched(id, name));
            if (!w.imapName.equals(name)) { // renamed meanwhile: watch it under its new name
                w = renamed(account, w, name);
            }
            w.parked++;
            if (w.grace != null) {
                w.grace.cancel(false);
                w.grace = null;
            }
        });
        reconcile(account);
        if (account.lines.isEmpty()) {
            counters.refused.incrementAndGet();
            LOG.warning(() -> "No IMAP watcher connection left on this node (syncbridge.mail.push.connections="
                    + settings.perNode() + "): mail of user " + userId + " is not pushed");
        }
        if (newLogin) {
            account.lines.values().forEach(Line::retryNow); // a changed password: do not wait out the backoff
        }
        return new Lease(this, userId, folders.keySet());
    }

    private Watched renamed(Account account, Watched old, String name) {
        Watched w = new Watched(old.folderId, name);
        w.parked = old.parked;
        w.grace = old.grace;
        account.folders.put(old.folderId, w);
        Line line = account.lines.remove(old.folderId);
        if (line != null) {
            line.close();
            allotted--;
        }
        return w;
    }

    /**
     * Tells {@code changed} which folders of a parked request's {@code lease} changed since its device's last sync
     * ({@code synced}, by folder id; folders without a sync state are left to the watchers' events): at once the
     * folders whose last sync left changes to send; else each folder after its next STATUS, which its watcher (or the
     * connection that polls it) sends soon, on the connection it has anyway. Call it after the request parked, so
     * that a change after that STATUS reaches the request as the watcher's event. {@code changed} may hear more than once.
     */
    void compare(Lease lease, Map<String, SyncedFolder> synced, Consumer<Set<String>> changed) {
        Set<String> waiting = new LinkedHashSet<>();
        Set<Line> toPoll = new LinkedHashSet<>();
        synchronized (this) {
            Account account = accounts.get(lease.userId);
            if (lease.released() || account == null) {
                return;
            }
            for (String id : lease.folderIds) {
                SyncedFolder s = synced.get(id);
                if (s != null && s.changesWaiting()) {
                    waiting.add(id);
                }
            }
            if (waiting.isEmpty()) {
                for (String id : lease.folderIds) {
                    SyncedFolder s = synced.get(id);
                    Watched w = account.folders.get(id);
                    if (s == null || w == null) {
                        continue;
                    }
                    Check check = new Check(s, () -> changed.accept(Set.of(id)));
                    w.checks.add(check);
                    lease.checks.add(Map.entry(w, check));
                    Line line = account.lines.containsKey(id) ? account.lines.get(id) : account.poller();
                    if (line != null) {
                        toPoll.add(line); // one still connecting sends its STATUS once connected; one reconnecting, after
                    }
                }
            }
        }
        if (!waiting.isEmpty()) {
            changed.accept(waiting);
        }
        toPoll.forEach(Line::pollSoon);
    }

    synchronized void release(Lease lease) {
        lease.checks.forEach(e -> e.getKey().checks.remove(e.getValue()));
        lease.checks.clear();
        Account account = accounts.get(lease.userId);
        if (account == null) {
            return;
        }
        for (String id : lease.folderIds) {
            Watched w = account.folders.get(id);
            if (w != null && --w.parked == 0) {
                w.grace = timers.schedule(() -> expire(account, w), settings.grace().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The grace period of a folder ended: stop watching it unless a request came back for it. */
    private synchronized void expire(Account account, Watched w) {
        if (w.parked > 0 || account.folders.get(w.folderId) != w) {
            return;
        }
        account.folders.remove(w.folderId);
        reconcile(account);
        if (account.folders.isEmpty() && accounts.get(account.userId) == account) {
            accounts.remove(account.userId); // and with it the password
        }
    }

    /** Gives the first folders in priority order a connection each, within the bounds; closes the others'. */
    private void reconcile(Account account) {
        List<Watched> order = account.byPriority();
        Set<String> wanted = new LinkedHashSet<>();
        for (Watched w : order.subList(0, Math.min(order.size(), settings.perUser()))) {
            wanted.add(w.folderId);
        }
        for (var it = account.lines.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!wanted.contains(entry.getKey())) {
                entry.getValue().close();
                it.remove();
                allotted--;
            }
        }
        for (Watched w : order) {
            if (wanted.contains(w.folderId) && !account.lines.containsKey(w.folderId) && !shutDown && allotted < settings.perNode()) {
                Line line = new Line(this, account, w);
                account.lines.put(w.folderId, line);
                allotted++;
                line.start();
            }
        }
        Line poller = account.poller();
        if (poller != null && account.withoutLine().stream().anyMatch(w -> w.lastStatus == null || !w.checks.isEmpty())) {
            poller.pollSoon(); // a baseline for the newly polled folders, and their checks
        }
    }

    /** The folders {@code line} polls with STATUS besides its own: those without a connection, if it is the user's first. */
    synchronized List<Watched> polledBy(Line line) {
        Account account = line.account;
        return accounts.get(account.userId) == account && account.poller() == line ? account.withoutLine() : List.of();
    }

    synchronized MailLogin loginOf(Account account) {
        return account.login;
    }

    /** Tells that mail arrived in the user's Inbox; never throws into the IMAP code that noticed it. */
    void arrived(Account account) {
        try {
            arrivals.inboxGrew(account.userId, loginOf(account));
        } catch (RuntimeException e) {
            LOG.warning(() -> "New mail of user " + account.userId + " was not looked at for invitations: " + e);
        }
    }

    /** Publishes that a folder changed; never throws into the IMAP code that noticed it. */
    void publish(Account account, String folderId) {
        try {
            publisher.changed(account.contextId, account.userId, folderId);
            counters.notices.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.warning(() -> "A mail change of user " + account.userId + " could not be published: " + e);
        }
    }

    synchronized MailPushStats stats() {
        int polled = 0;
        for (Account a : accounts.values()) {
            polled += a.lines.isEmpty() ? 0 : a.withoutLine().size();
        }
        return new MailPushStats(accounts.size(), counters.connections.get(), counters.idling.get(), polled,
                counters.connects.get(), counters.reconnects.get(), counters.polls.get(), counters.notices.get(),
                counters.refused.get());
    }

    /** Closes every connection and forgets every login (the IdleManager is its creator's to stop). */
    void shutdown() {
        List<Line> lines = new ArrayList<>();
        synchronized (this) {
            shutDown = true;
            for (Account a : accounts.values()) {
                a.folders.values().forEach(w -> {
                    if (w.grace != null) {
                        w.grace.cancel(false);
                    }
                });
                lines.addAll(a.lines.values());
            }
            accounts.clear();
            allotted = 0;
        }
        lines.forEach(Line::closeNow);
    }
}
