package org.syncbridge.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.syncbridge.config.SystemSettings;

/**
 * Each user's budget of IMAP connections, shared by Sync, the other mail commands and push watchers. All our
 * connections come from one address and IMAP servers cap connections per user and address (Dovecot's
 * mail_max_userip_connections, 10 by default, counts every device of the user), so the budget is per user,
 * not per device. A request that finds the budget spent waits briefly, then is asked to retry.
 */
@ApplicationScoped
public class ImapConnections {
    /** Connections one user may hold at once (system property syncbridge.imap.connections-per-user). */
    static final String PER_USER = "syncbridge.imap.connections-per-user";
    /** How long a request waits for a place, in milliseconds (syncbridge.imap.connection-wait-ms). */
    static final String WAIT = "syncbridge.imap.connection-wait-ms";

    private final Map<Long, Semaphore> budgets = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();

    @Inject
    ImapSession imap;

    /** A connection for a request; waits up to the configured time for one of the user's places. */
    public MailConnection open(long userId, MailLogin login) {
        Semaphore budget = budget(userId);
        try {
            if (!budget.tryAcquire(SystemSettings.intValue(WAIT, 5000), TimeUnit.MILLISECONDS)) {
                refused.incrementAndGet();
                throw new MailBusy("all " + perUser() + " IMAP connections of " + login.login() + " are in use");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailBusy("interrupted while waiting for an IMAP connection");
        }
        return connect(login, budget);
    }

    /** A connection for a watcher, only when a place is free now: a watcher never keeps a request waiting. */
    public java.util.Optional<MailConnection> openIfFree(long userId, MailLogin login) {
        Semaphore budget = budget(userId);
        if (!budget.tryAcquire()) {
            refused.incrementAndGet();
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(connect(login, budget));
    }

    private MailConnection connect(MailLogin login, Semaphore budget) {
        try {
            MailConnection c = new MailConnection(imap.connect(login), budget);
            opened.incrementAndGet();
            return c;
        } catch (RuntimeException e) {
            budget.release();
            throw e;
        }
    }

    private Semaphore budget(long userId) {
        return budgets.computeIfAbsent(userId, id -> new Semaphore(perUser()));
    }

    private static int perUser() {
        return Math.max(1, SystemSettings.intValue(PER_USER, 3));
    }

    /** Connections opened and requests refused for a spent budget, since this node started. */
    public ConnectionStats stats() {
        return new ConnectionStats(opened.get(), refused.get(), perUser());
    }

    public record ConnectionStats(long opened, long refusedBudgetSpent, int perUser) {
    }
}
