package org.syncbridge.mail.push;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.ConnectionEvent;
import jakarta.mail.event.ConnectionListener;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.event.MessageCountListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.syncbridge.mail.MailLogin;

/**
 * One IMAP connection watching one selected folder of a user: in IDLE where the server has it, else by NOOP every
 * poll interval; the user's first connection also polls the folders that have none with STATUS. New, expunged
 * and changed messages (the events Angus derives from EXISTS, EXPUNGE and FETCH) publish a change of the folder.
 * When the connection fails it reconnects after a backoff and publishes a change if the folder moved meanwhile.
 * A request that parks asks, through a {@link Check}, whether its folder moved since its device's last sync: the
 * next tick answers with a STATUS of the folder (the selected one too: its SELECT's UIDNEXT is out of date).
 */
final class Line {
    private static final Logger LOG = Logger.getLogger(Line.class.getName());
    /** How long closing may wait for a folder to leave IDLE. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    final MailWatchers owner;
    final Account account;
    final Watched target;
    /** Set while a publication of this folder is queued: a burst of events (a mass flag change) publishes once. */
    private final AtomicBoolean publishing = new AtomicBoolean();
    /** Set when mail arrived (or may have, while the connection was down) and the Inbox's arrivals are not told yet. */
    private final AtomicBoolean grew = new AtomicBoolean();

    // guarded by this
    private boolean closed;
    private boolean connecting;
    private boolean waitingToReconnect;
    private IMAPStore store;
    private IMAPFolder folder;
    private boolean idling;
    private int failures;
    private long lastCommand;
    private ScheduledFuture<?> next;
    /** The selected folder as last known, to notice what changed while the connection was down. */
    private Snapshot selected;

    Line(MailWatchers owner, Account account, Watched target) {
        this.owner = owner;
        this.account = account;
        this.target = target;
    }

    void start() {
        owner.workers.execute(this::connect);
    }

    private void connect() {
        synchronized (this) {
            if (closed || connecting || folder != null) {
                return;
            }
            connecting = true;
        }
        MailLogin login = owner.loginOf(account);
        IMAPStore s = null;
        IMAPFolder f = null;
        boolean installed = false;
        try {
            s = owner.connector.connect(login);
            boolean useIdle = owner.idleUsable() && s.hasCapability("IDLE"); // before the folder takes the store's connection
            f = (IMAPFolder) s.getFolder(target.imapName);
            listen(f);
            f.open(Folder.READ_ONLY);
            Snapshot now = Snapshot.of(f);
            Snapshot before;
            synchronized (this) {
                connecting = false;
                if (!closed) {
                    installed = true;
                    store = s;
                    folder = f;
                    idling = useIdle;
                    failures = 0;
                    lastCommand = System.nanoTime();
                    owner.counters.connections.incrementAndGet();
                    owner.counters.connects.incrementAndGet();
                    if (useIdle) {
                        owner.counters.idling.incrementAndGet();
                    }
                }
                before = selected;
                selected = now;
            }
            if (!installed) {
                closeQuietly(f, s); // closed while connecting
                return;
            }
            if (before != null && !before.equals(now)) {
                if (now.uidNext() != before.uidNext() || now.uidValidity() != before.uidValidity()) {
                    grew.set(true);
                }
                changed(); // it changed while the connection was down
            }
            if (useIdle) {
                watchIdle(f);
            }
            scheduleTick(Duration.ZERO); // at once: a baseline for the folders it polls with STATUS
        } catch (MessagingException | RuntimeException e) {
            if (installed) {
                lost(f, e);
            } else {
                synchronized (this) {
                    connecting = false;
                }
                closeQuietly(f, s);
                failed(e);
            }
        }
    }

    private void listen(IMAPFolder f) {
        f.addMessageCountListener(new MessageCountListener() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                seen(e.getMessages().length, 0);
                grew.set(true);
                changed();
            }

            @Override
            public void messagesRemoved(MessageCountEvent e) {
                seen(0, e.getMessages().length);
                changed();
            }
        });
        f.addMessageChangedListener(e -> changed());
        f.addConnectionListener(new ConnectionListener() {
            @Override
            public void opened(ConnectionEvent e) {
            }

            @Override
            public void disconnected(ConnectionEvent e) {
                lost(f, null);
            }

            @Override
            public void closed(ConnectionEvent e) {
                lost(f, null);
            }
        });
    }

    /** Polls what needs polling (NOOP without IDLE, STATUS of the folders without a connection, the IDLE refresh). */
    private void tick() {
        IMAPFolder f;
        boolean wasIdle;
        synchronized (this) {
            if (closed || folder == null) {
                return;
            }
            f = folder;
            wasIdle = idling;
        }
        if (wasIdle && !owner.idle.isRunning()) {
            try {
                watchIdle(f); // notices that the IdleManager died and turns this connection to polling
            } catch (MessagingException | RuntimeException e) {
                lost(f, e);
                return;
            }
        }
        boolean idle;
        boolean refresh;
        synchronized (this) {
            idle = idling;
            refresh = idle && System.nanoTime() - lastCommand >= owner.settings.idleRefresh().toNanos();
        }
        List<Watched> others = owner.polledBy(this);
        // the checks waiting now, taken before the STATUS that answers them; later ones wait for the next tick
        List<Check> own = target.takeChecks();
        Map<Watched, List<Check>> othersChecks = new LinkedHashMap<>();
        others.forEach(w -> othersChecks.put(w, w.takeChecks()));
        if (idle && others.isEmpty() && !refresh && own.isEmpty()) {
            if (f.isOpen()) {
                scheduleTick(nextTick(others));
            } else {
                lost(f, null);
            }
            return;
        }
        Map<Watched, Snapshot> seen = new LinkedHashMap<>();
        Snapshot[] selectedNow = {null};
        try {
            boolean noop = !idle || refresh;
            f.doCommand(p -> { // ends the IDLE first, if any
                if (noop) {
                    p.noop();
                }
                String[] items = p.hasCapability("CONDSTORE") ? Snapshot.ITEMS_WITH_MODSEQ : Snapshot.ITEMS;
                if (!own.isEmpty()) {
                    try { // STATUS of the selected mailbox: its SELECT's UIDNEXT is stale, and HIGHESTMODSEQ not kept up
                        selectedNow[0] = Snapshot.of(p.status(target.imapName, items));
                    } catch (CommandFailedException | BadCommandException refused) {
                        LOG.fine(() -> "STATUS " + target.imapName + " refused: " + refused.getMessage());
                    }
                }
                for (Watched w : others) {
                    try {
                        seen.put(w, Snapshot.of(p.status(w.imapName, items)));
                    } catch (CommandFailedException gone) {
                        LOG.fine(() -> "STATUS " + w.imapName + " refused: " + gone.getMessage());
                    }
                }
                return null;
            });
            synchronized (this) {
                lastCommand = System.nanoTime();
            }
            owner.counters.polls.incrementAndGet();
            if (idle) {
                watchIdle(f);
            }
        } catch (MessagingException | RuntimeException e) {
            target.checks.addAll(own); // answered once reconnected
            othersChecks.forEach((w, checks) -> w.checks.addAll(checks));
            lost(f, e);
            return;
        }
        if (selectedNow[0] != null) {
            own.forEach(c -> c.answer(selectedNow[0]));
        }
        seen.forEach((w, now) -> {
            Snapshot before = w.lastStatus;
            w.lastStatus = now;
            if (before != null && !before.equals(now)) {
                owner.publish(account, w.folderId);
            }
            othersChecks.getOrDefault(w, List.of()).forEach(c -> c.answer(now));
        });
        scheduleTick(nextTick(others));
    }

    /** The time to the next tick: at once for checks that came during this one (their pollSoon may have been replaced). */
    private Duration nextTick(List<Watched> others) {
        boolean asked = !target.checks.isEmpty() || others.stream().anyMatch(w -> !w.checks.isEmpty());
        return asked ? Duration.ZERO : owner.settings.poll();
    }

    /** Hands the folder (back) to the IdleManager; if that has died, this connection polls from now on. */
    private void watchIdle(IMAPFolder f) throws MessagingException {
        try {
            owner.idle.watch(f);
        } catch (MessagingException e) {
            if (owner.idle.isRunning() || !"IdleManager is not running".equals(e.getMessage())) {
                throw e;
            }
            owner.idleStopped();
            synchronized (this) {
                if (idling && folder == f) {
                    idling = false;
                    owner.counters.idling.decrementAndGet();
                }
            }
        }
    }

    /** Keeps the snapshot of the selected folder up with the messages IDLE or NOOP reported. */
    private synchronized void seen(int added, int removed) {
        if (selected != null) {
            selected = selected.after(added, removed);
        }
    }

    /** A change of the selected folder; publishes once for a burst of events. */
    private void changed() {
        if (publishing.compareAndSet(false, true)) {
            owner.workers.execute(() -> {
                publishing.set(false);
                if (grew.getAndSet(false) && target.inbox()) {
                    owner.arrived(account); // first: the phone woken by the notice finds the invitations in its calendar
                }
                owner.publish(account, target.folderId);
            });
        }
    }

    /** The connection of {@code f} broke (the server closed it, or a command failed): reconnect later. */
    private void lost(IMAPFolder f, Exception cause) {
        IMAPStore s;
        synchronized (this) {
            if (closed || folder != f) {
                return;
            }
            s = store;
            forget();
        }
        owner.workers.execute(() -> closeQuietly(f, s));
        failed(cause != null ? cause : new MessagingException("the IMAP server closed the connection"));
    }

    private void failed(Exception cause) {
        Duration delay;
        int n;
        synchronized (this) {
            if (closed) {
                return;
            }
            n = ++failures;
            delay = Backoff.delay(n, owner.settings.backoffMin(), owner.settings.backoffMax());
            waitingToReconnect = true;
            next = owner.timers.schedule(() -> owner.workers.execute(this::reconnect), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        LOG.log(n == 1 ? Level.WARNING : Level.FINE, () -> "IMAP watcher of user " + account.userId + " on " + target.imapName
                + " failed (" + cause.getMessage() + "); reconnecting in " + delay.toMillis() + " ms, attempt " + n);
    }

    private void reconnect() {
        synchronized (this) {
            if (closed || !waitingToReconnect) {
                return;
            }
            waitingToReconnect = false;
        }
        owner.counters.reconnects.incrementAndGet();
        connect();
    }

    /** Reconnects at once if it is waiting to (a newer request brought another password). */
    synchronized void retryNow() {
        if (!closed && waitingToReconnect) {
            next.cancel(false);
            next = owner.timers.schedule(() -> owner.workers.execute(this::reconnect), 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Polls at once rather than at the next interval. */
    synchronized void pollSoon() {
        if (!closed && folder != null) {
            scheduleTick(Duration.ZERO);
        }
    }

    private synchronized void scheduleTick(Duration delay) {
        if (closed || folder == null) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = owner.timers.schedule(() -> owner.workers.execute(this::tick), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops watching; the connection closes on a worker. */
    void close() {
        IMAPFolder f;
        IMAPStore s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            f = folder;
            s = store;
            forget();
        }
        if (s != null) {
            owner.workers.execute(() -> closeQuietly(f, s));
        }
    }

    /** Stops watching and closes the connection on this thread (at shutdown). */
    void closeNow() {
        IMAPFolder f;
        IMAPStore s;
        synchronized (this) {
            closed = true;
            f = folder;
            s = store;
            forget();
        }
        closeQuietly(f, s);
    }

    /** Drops the connection from this line and the counts; holds this. */
    private void forget() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
        if (store != null) {
            owner.counters.connections.decrementAndGet();
            if (idling) {
                owner.counters.idling.decrementAndGet();
            }
        }
        store = null;
        folder = null;
        idling = false;
    }

    /**
     * Closes the folder and its connection. A folder left in IDLE by an IdleManager that died meanwhile (its stop
     * racing a watch) would make Jakarta Mail wait forever for the IDLE to end; an interrupt after a while ends that
     * wait, so neither a worker nor the shutdown hangs.
     */
    private void closeQuietly(IMAPFolder f, IMAPStore s) {
        Thread closing = Thread.currentThread();
        ScheduledFuture<?> alarm = owner.timers.schedule(closing::interrupt, CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.finest(() -> "closing a watched folder: " + e);
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.finest(() -> "closing a watcher connection: " + e);
        } finally {
            alarm.cancel(false);
            Thread.interrupted(); // a late alarm must not reach the thread's next task
        }
    }
}
