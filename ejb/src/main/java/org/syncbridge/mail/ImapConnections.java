package org.syncbridge.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.ConnectionAdapter;
import jakarta.mail.event.ConnectionEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.syncbridge.config.SystemSettings;

/**
 * Each IMAP account's budget of connections, shared by Sync, the other mail commands and the push watchers.
 * All our connections come from one address and IMAP servers cap connections per user and address (Dovecot's
 * mail_max_userip_connections, 10 by default, counts every device of the user), so the budget is per IMAP login,
 * not per device. A request that finds the budget spent waits briefly, then is asked to retry; a watcher never
 * waits (it retries later, and the folders it would watch are polled meanwhile).
 * <p>
 * A request's connection is kept logged in, its mailbox still selected, for the account's next request (up to
 * syncbridge.imap.keep-seconds, and at most syncbridge.imap.kept-connections on this node): for a large mailbox a
 * new session's SELECT is the IMAP server's dearest command (Dovecot re-reads a maildir's index), while a NOOP in
 * a session that kept it selected costs what changed. A kept connection still holds its place in the budget; a
 * request or watcher that needs the place logs it out.
 */
@ApplicationScoped
public class ImapConnections {
    private static final Logger LOG = Logger.getLogger(ImapConnections.class.getName());
    /** Connections one IMAP login may hold at once (system property syncbridge.imap.connections-per-user). */
    static final String PER_USER = "syncbridge.imap.connections-per-user";
    /** How long a request waits for a place, in milliseconds (syncbridge.imap.connection-wait-ms). */
    static final String WAIT = "syncbridge.imap.connection-wait-ms";
    /** How long a connection is kept for the account's next request, in seconds; 0 logs out after each request. */
    static final String KEEP = "syncbridge.imap.keep-seconds";
    /** How many idle connections this node keeps at most, over all accounts. */
    static final String KEPT_MAX = "syncbridge.imap.kept-connections";

    private final Map<String, ImapAccount> accounts = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicInteger kept = new AtomicInteger();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private final byte[] credentialKey = new byte[32];

    @Inject
    ImapSession imap;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService timers;

    @PostConstruct
    void init() {
        new SecureRandom().nextBytes(credentialKey);
    }

    /**
     * A connection for a request: one the account kept from an earlier request when it still answers, else a new
     * one; waits up to the configured time for one of the account's places.
     */
    public MailConnection open(MailLogin login) {
        ImapAccount account = account(login);
        byte[] credential = credential(login);
        for (Optional<MailConnection> k; (k = account.take(credential)).isPresent(); ) {
            MailConnection c = k.get();
            kept.decrementAndGet();
            if (c.alive()) {
                reused.incrementAndGet();
                c.lend();
                return c;
            }
            drop(c);
        }
        acquire(account, login);
        try {
            MailConnection c = new MailConnection(imap.connect(login), account, credential, this);
            opened.incrementAndGet();
            c.lend();
            return c;
        } catch (RuntimeException e) {
            account.budget.release();
            throw e;
        }
    }

    private void acquire(ImapAccount account, MailLogin login) {
        if (account.budget.tryAcquire()) {
            return;
        }
        if (logOutOneKept(account) && account.budget.tryAcquire()) {
            return; // a connection kept with another password, or one the request could not use
        }
        try {
            if (!account.budget.tryAcquire(SystemSettings.intValue(WAIT, 5000), TimeUnit.MILLISECONDS)) {
                refused.incrementAndGet();
                throw new MailBusy("all " + perUser() + " IMAP connections of " + login.login() + " are in use");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailBusy("interrupted while waiting for an IMAP connection");
        }
    }

    /** A request's connection comes back: kept for the account's next request, or logged out. */
    void giveBack(MailConnection c) {
        ImapAccount account = c.account();
        long keepSeconds = SystemSettings.intValue(KEEP, 300);
        if (c.broken() || keepSeconds <= 0 || account.budget.hasQueuedThreads() || !reserveKeptPlace()) {
            drop(c);
            return;
        }
        c.idle(System.nanoTime());
        account.keep(c);
        scheduleSweep(keepSeconds);
    }

    private boolean reserveKeptPlace() {
        int max = SystemSettings.intValue(KEPT_MAX, 1000);
        for (int n; (n = kept.get()) < max; ) {
            if (kept.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    private void drop(MailConnection c) {
        try {
            c.logout();
        } finally {
            c.account().budget.release();
        }
    }

    private boolean logOutOneKept(ImapAccount account) {
        Optional<MailConnection> oldest = account.takeOldest();
        oldest.ifPresent(c -> {
            kept.decrementAndGet();
            drop(c);
        });
        return oldest.isPresent();
    }

    /** Logs out connections kept longer than the keep time; runs while any are kept. */
    private void scheduleSweep(long keepSeconds) {
        if (sweeping.compareAndSet(false, true)) {
            long every = Math.max(1, Math.min(15, keepSeconds / 4));
            timers.schedule(this::sweep, every, TimeUnit.SECONDS);
        }
    }

    private void sweep() {
        long keepSeconds = SystemSettings.intValue(KEEP, 300);
        long limit = System.nanoTime() - TimeUnit.SECONDS.toNanos(keepSeconds);
        try {
            for (ImapAccount account : accounts.values()) {
                for (MailConnection c : account.takeIdleSince(limit)) {
                    kept.decrementAndGet();
                    drop(c);
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "logging out idle IMAP connections failed: " + e);
        } finally {
            sweeping.set(false);
            if (kept.get() > 0) {
                scheduleSweep(keepSeconds);
            }
        }
    }

    @PreDestroy
    void logOutAll() {
        for (ImapAccount account : accounts.values()) {
            for (Optional<MailConnection> c; (c = account.takeOldest()).isPresent(); ) {
                kept.decrementAndGet();
                drop(c.get());
            }
        }
    }

    /**
     * Takes a place for a watcher's store, only if one is free now (or a kept connection can give its place up);
     * the place comes back when the store closes or its connection drops. Connects the store itself.
     */
    public void connectWatcher(Store store, MailLogin login) throws MessagingException {
        ImapAccount account = account(login);
        if (!account.budget.tryAcquire() && !(logOutOneKept(account) && account.budget.tryAcquire())) {
            refused.incrementAndGet();
            throw new MessagingException("all " + perUser() + " IMAP connections of " + login.login() + " are in use");
        }
        Semaphore budget = account.budget;
        AtomicBoolean released = new AtomicBoolean();
        store.addConnectionListener(new ConnectionAdapter() {
            @Override
            public void closed(ConnectionEvent e) {
                if (released.compareAndSet(false, true)) {
                    budget.release();
                }
            }
        });
        try {
            store.connect(login.login(), login.password());
            opened.incrementAndGet();
        } catch (MessagingException | RuntimeException e) {
            if (released.compareAndSet(false, true)) {
                budget.release();
            }
            throw e;
        }
    }

    private ImapAccount account(MailLogin login) {
        return accounts.computeIfAbsent(login.login(), id -> new ImapAccount(perUser()));
    }

    /** A keyed hash of the login and password: a kept connection serves only requests with the same password. */
    private byte[] credential(MailLogin login) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(credentialKey, "HmacSHA256"));
            mac.update(login.login().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(login.password() == null ? new byte[0] : login.password().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static int perUser() {
        return Math.max(1, SystemSettings.intValue(PER_USER, 3));
    }

    /** Connections opened, reused and refused for a spent budget since this node started, and those kept now. */
    public ConnectionStats stats() {
        return new ConnectionStats(opened.get(), reused.get(), kept.get(), refused.get(), perUser());
    }

    /**
     * @param opened              IMAP connections opened for requests and watchers
     * @param reused              requests served by a connection kept from an earlier request
     * @param kept                connections kept logged in for their account's next request, now
     * @param refusedBudgetSpent  requests asked to retry and watchers turned away because the account's budget was spent
     * @param perUser             the budget of each IMAP account
     */
    public record ConnectionStats(long opened, long reused, int kept, long refusedBudgetSpent, int perUser) {
    }
}
