package org.syncbridge.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.event.ConnectionAdapter;
import jakarta.mail.event.ConnectionEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.syncbridge.config.SystemSettings;

/**
 * Each IMAP account's budget of connections, shared by Sync, the other mail commands and the push watchers.
 * All our connections come from one address and IMAP servers cap connections per user and address (Dovecot's
 * mail_max_userip_connections, 10 by default, counts every device of the user), so the budget is per IMAP login,
 * not per device. A request that finds the budget spent waits briefly, then is asked to retry; a watcher never
 * waits (it retries later, and the folders it would watch are polled meanwhile).
 */
@ApplicationScoped
public class ImapConnections {
    /** Connections one IMAP login may hold at once (system property syncbridge.imap.connections-per-user). */
    static final String PER_USER = "syncbridge.imap.connections-per-user";
    /** How long a request waits for a place, in milliseconds (syncbridge.imap.connection-wait-ms). */
    static final String WAIT = "syncbridge.imap.connection-wait-ms";

    private final Map<String, Semaphore> budgets = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();

    @Inject
    ImapSession imap;

    /** A connection for a request; waits up to the configured time for one of the account's places. */
    public MailConnection open(MailLogin login) {
        Semaphore budget = budget(login);
        try {
            if (!budget.tryAcquire(SystemSettings.intValue(WAIT, 5000), TimeUnit.MILLISECONDS)) {
                refused.incrementAndGet();
                throw new MailBusy("all " + perUser() + " IMAP connections of " + login.login() + " are in use");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailBusy("interrupted while waiting for an IMAP connection");
        }
        try {
            MailConnection c = new MailConnection(imap.connect(login), budget);
            opened.incrementAndGet();
            return c;
        } catch (RuntimeException e) {
            budget.release();
            throw e;
        }
    }

    /**
     * Takes a place for a watcher's store, only if one is free now; the place comes back when the store closes
     * or its connection drops. Connects the store itself.
     */
    public void connectWatcher(Store store, MailLogin login) throws MessagingException {
        Semaphore budget = budget(login);
        if (!budget.tryAcquire()) {
            refused.incrementAndGet();
            throw new MessagingException("all " + perUser() + " IMAP connections of " + login.login() + " are in use");
        }
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

    private Semaphore budget(MailLogin login) {
        return budgets.computeIfAbsent(login.login(), id -> new Semaphore(perUser()));
    }

    private static int perUser() {
        return Math.max(1, SystemSettings.intValue(PER_USER, 3));
    }

    /** Connections opened and refused for a spent budget, since this node started. */
    public ConnectionStats stats() {
        return new ConnectionStats(opened.get(), refused.get(), perUser());
    }

    /**
     * @param opened              IMAP connections opened for requests and watchers
     * @param refusedBudgetSpent  requests asked to retry and watchers turned away because the account's budget was spent
     * @param perUser             the budget of each IMAP account
     */
    public record ConnectionStats(long opened, long refusedBudgetSpent, int perUser) {
    }
}
