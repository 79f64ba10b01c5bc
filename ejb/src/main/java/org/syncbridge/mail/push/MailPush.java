package org.syncbridge.mail.push;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.IdleManager;
import org.syncbridge.auth.AuthenticatedUser;
import org.syncbridge.jms.PushHub;
import org.syncbridge.jms.Waiter;
import org.syncbridge.jms.Watch;
import org.syncbridge.jms.WatchKeys;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.meeting.MeetingInbox;

/**
 * Mail push, as the requests that park see it: a request that watches mail folders of its user gets IMAP
 * watchers on them for as long as it waits (see {@link MailWatchers}), logged in with the request's own
 * credentials, which stay in memory only and only while the user has watched folders.
 * <p>
 * The watchers' connections come from a copy of the WildFly mail session java:jboss/mail/Syncbridge (same host,
 * port and TLS) with socket channels on, as Angus' {@link IdleManager} needs; that disables the blocking
 * {@code IMAPFolder.idle()}, which is why the copy is separate. Threads come from the container's managed thread
 * factory: one runs the IdleManager's select loop, one delivers the session's mail events, and a small fixed pool
 * opens, polls and closes connections, so the number of threads does not grow with the number of watchers.
 * <p>
 * When mail arrives in a watched Inbox, the invitations among it go to the user's calendar ({@link MeetingInbox})
 * before the change is published, so a phone woken by it finds both.
 */
@ApplicationScoped
public class MailPush {
    private static final Logger LOG = Logger.getLogger(MailPush.class.getName());

    @Resource(lookup = "java:jboss/mail/Syncbridge")
    Session mailSession;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService timers;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    @EJB
    MailPushFolders folders;

    @jakarta.inject.Inject
    org.syncbridge.mail.ImapConnections connections;

    @EJB
    MeetingInbox meetings;

    @jakarta.inject.Inject
    PushHub hub;

    private MailWatchers watchers;
    private IdleManager idleManager;
    private ExecutorService idleThreads;
    private ThreadPoolExecutor workers;

    /**
     * Parks a request (a Ping, or a Sync that waits) of {@code deviceId} in the push hub. When {@code keys} name mail
     * folders of the user, they are watched until the request ends, however it ends; and once it is parked, each is
     * compared with what the device's last sync of it saw (see {@link MailWatchers#compare}): a folder that changed
     * in between wakes the request at once, instead of the folder's next change or the heartbeat. Mail push trouble
     * never fails the request; it only leaves the request to its heartbeat.
     */
    public Watch park(AuthenticatedUser user, long deviceId, MailLogin login, Set<String> keys, Duration heartbeat, Waiter waiter) {
        String prefix = WatchKeys.mailFolder(user.userId(), "");
        List<String> ids = keys.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
        if (ids.isEmpty() || login == null) {
            return hub.park(deviceId, keys, heartbeat, waiter);
        }
        Lease lease;
        Map<String, SyncedFolder> synced;
        try {
            Map<String, String> names = folders.imapNames(user.userId(), ids);
            if (names.isEmpty()) {
                return hub.park(deviceId, keys, heartbeat, waiter);
            }
            synced = folders.synced(deviceId, names.keySet());
            lease = watchers().acquire(user.contextId(), user.userId(), login, names);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Mail folders of user " + user.userId() + " are not watched: " + e);
            return hub.park(deviceId, keys, heartbeat, waiter);
        }
        Watch watch = hub.park(deviceId, keys, heartbeat, new ReleasingWaiter(waiter, lease));
        try {
            watchers().compare(lease, synced, changed -> watch.wake(changed.stream()
                    .map(id -> WatchKeys.mailFolder(user.userId(), id)).collect(Collectors.toCollection(LinkedHashSet::new))));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Mail folders of user " + user.userId() + " are not compared with the device's sync state: " + e);
        }
        return watch;
    }

    public synchronized MailPushStats stats() {
        return watchers == null ? new MailPushStats(0, 0, 0, 0, 0, 0, 0, 0, 0) : watchers.stats();
    }

    private synchronized MailWatchers watchers() {
        if (watchers == null) {
            MailPushSettings settings = MailPushSettings.fromSystem();
            idleThreads = Executors.newCachedThreadPool(threads);
            workers = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
            workers.allowCoreThreadTimeOut(true);
            Session session = Session.getInstance(watcherProperties(mailSession.getProperties(), idleThreads));
            try {
                idleManager = settings.useIdle() ? new IdleManager(session, idleThreads) : null;
            } catch (IOException e) {
                LOG.warning(() -> "No IMAP IDLE (the selector could not open: " + e + "); mail folders are polled");
            }
            watchers = new MailWatchers(settings, login -> {
                IMAPStore store = (IMAPStore) session.getStore("imap");
                connections.connectWatcher(store, login); // the account's budget, shared with its requests
                return store;
            }, idleManager, timers, workers, folders::changed, meetings::catchUp);
        }
        return watchers;
    }

    /** The mail session's settings with what the watchers need: socket channels, timeouts, one event thread. */
    static Properties watcherProperties(Properties mailSession, ExecutorService events) {
        Properties props = new Properties();
        props.putAll(mailSession);
        for (String protocol : List.of("imap", "imaps")) {
            props.put("mail." + protocol + ".usesocketchannels", "true");
            props.putIfAbsent("mail." + protocol + ".connectiontimeout", "10000");
            props.putIfAbsent("mail." + protocol + ".timeout", "60000");
        }
        // all events of the session on one queue, delivered by the executor, instead of a thread per open folder
        props.put("mail.event.scope", "session");
        props.put("mail.event.executor", events);
        return props;
    }

    @PreDestroy
    synchronized void stop() {
        if (watchers != null) {
            watchers.shutdown();
            if (idleManager != null) {
                idleManager.stop();
            }
            workers.shutdownNow();
            idleThreads.shutdownNow();
        }
    }
}
