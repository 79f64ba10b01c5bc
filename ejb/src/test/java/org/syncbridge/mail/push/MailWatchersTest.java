package org.syncbridge.mail.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.IdleManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.sync.MailSnapshot;
import org.syncbridge.mail.sync.UidSet;

/** The watchers against a real IMAP server (GreenMail, which has IDLE): IDLE, the polling fallback, the bounds, reconnects. */
class MailWatchersTest {
    static final MailLogin MIA = new MailLogin("mia@example.org", "pw");
    static final Duration LONG = Duration.ofMinutes(5);

    final int port = freePort();
    GreenMail mail;
    final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final ExecutorService idleThreads = Executors.newCachedThreadPool();
    final BlockingQueue<String> published = new LinkedBlockingQueue<>();
    /** The Inbox arrivals told: user, login, and whether the folder's change was not published yet. */
    final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
    final List<MailWatchers> started = new ArrayList<>();
    IdleManager idleManager;

    @BeforeEach
    void start() {
        mail = startMail();
    }

    GreenMail startMail() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        server.setUser(MIA.login(), MIA.login(), MIA.password());
        return server;
    }

    @AfterEach
    void stop() {
        started.forEach(MailWatchers::shutdown);
        if (idleManager != null) {
            idleManager.stop();
        }
        timers.shutdownNow();
        workers.shutdownNow();
        idleThreads.shutdownNow();
        mail.stop();
    }

    MailWatchers watchers(MailPushSettings settings) throws IOException {
        Properties server = new Properties();
        server.put("mail.imap.host", "127.0.0.1");
        server.put("mail.imap.port", String.valueOf(port));
        Session session = Session.getInstance(MailPush.watcherProperties(server, idleThreads));
        idleManager = new IdleManager(session, idleThreads);
        MailWatchers w = new MailWatchers(settings, login -> {
            IMAPStore store = (IMAPStore) session.getStore("imap");
            store.connect(login.login(), login.password());
            return store;
        }, idleManager, timers, workers, (context, user, folder) -> published.add(user + "/" + folder),
                (user, login) -> arrived.add(user + " " + login.login() + (published.isEmpty() ? " before" : " after")));
        started.add(w);
        return w;
    }

    static MailPushSettings settings(int perUser, int perNode, Duration poll, boolean useIdle) {
        return new MailPushSettings(perUser, perNode, Duration.ofMillis(300), poll, Duration.ofMinutes(25),
                Duration.ofMillis(100), Duration.ofMillis(400), useIdle, 2);
    }

    @Test
    void newAndExpungedMessagesArePublishedThroughIdleAndTheConnectionClosesAfterTheGracePeriod() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        Lease lease = w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        await(w, s -> s.connections() == 1 && s.idling() == 1);
        assertEquals(1, serverConnections(), "the selected folder uses the store's one connection");

        deliver("first");
        long delivered = System.nanoTime();
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - delivered);
        assertTrue(millis < 1000, "published " + millis + " ms after delivery");

        try (Store client = client(); Folder inbox = client.getFolder("INBOX")) {
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
        }
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS), "an expunge is a change too");
        assertEquals(0, w.stats().polls(), "IDLE, not polling, told of both");

        lease.release();
        assertEquals(1, w.stats().connections(), "kept for the grace period");
        await(w, s -> s.connections() == 0 && s.users() == 0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (serverConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, serverConnections(), "the server saw it close");
    }

    @Test
    void mailArrivingInTheInboxIsToldBeforeTheChangeIsPublished() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        await(w, s -> s.connections() == 1 && s.idling() == 1);
        deliver("an invitation, maybe");
        assertEquals("7 mia@example.org before", arrived.poll(5, TimeUnit.SECONDS), "the calendar first, then the notice");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
        try (Store client = client(); Folder inbox = client.getFolder("INBOX")) {
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
        }
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
        assertNull(arrived.poll(200, TimeUnit.MILLISECONDS), "an expunge brings no new mail");
    }

    @Test
    void theNextRequestWithinTheGracePeriodReusesTheConnection() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        w.acquire(1, 7, MIA, Map.of("11", "INBOX")).release();
        await(w, s -> s.connections() == 1);
        Lease again = w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        Thread.sleep(600); // twice the grace period
        assertEquals(1, w.stats().connections());
        assertEquals(1, w.stats().connects(), "one connection for both requests");
        deliver("again");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
        again.release();
        await(w, s -> s.connections() == 0);
    }

    @Test
    void withoutIdleTheSelectedFolderIsPolled() throws Exception {
        MailWatchers w = watchers(settings(2, 10, Duration.ofMillis(300), false));
        w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        await(w, s -> s.connections() == 1 && s.idling() == 0);
        deliver("polled");
        long delivered = System.nanoTime();
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - delivered);
        assertTrue(millis < 1000, "found by the next NOOP, " + millis + " ms after delivery (poll every 300 ms)");
        assertTrue(w.stats().polls() > 0);
    }

    @Test
    void whenTheIdleManagerDiesTheConnectionsPoll() throws Exception {
        MailWatchers w = watchers(settings(2, 10, Duration.ofMillis(300), true));
        w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        await(w, s -> s.connections() == 1 && s.idling() == 1);
        idleManager.stop();
        await(w, s -> s.connections() == 1 && s.idling() == 0);
        deliver("polled after all");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
        assertTrue(w.stats().polls() > 0);
    }

    @Test
    void foldersBeyondTheUsersConnectionsArePolledWithStatusOnTheInboxConnection() throws Exception {
        try (Store client = client()) {
            client.getFolder("Projects").create(Folder.HOLDS_MESSAGES);
        }
        MailWatchers w = watchers(settings(1, 10, Duration.ofMillis(300), true));
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("12", "Projects");
        folders.put("11", "INBOX");
        w.acquire(1, 7, MIA, folders);
        await(w, s -> s.connections() == 1 && s.idling() == 1 && s.statusPolled() == 1 && s.polls() > 0);

        try (Store client = client()) {
            client.getFolder("Projects").appendMessages(new Message[] {message("filed")});
        }
        assertEquals("7/12", published.poll(5, TimeUnit.SECONDS), "seen by STATUS on the Inbox's connection");
        deliver("to the inbox");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS), "the Inbox keeps its IDLE");
        assertEquals(1, w.stats().connections());
    }

    @Test
    void aFolderRenamedSinceTheLastRequestIsWatchedUnderItsNewName() throws Exception {
        try (Store client = client()) {
            client.getFolder("Projects").create(Folder.HOLDS_MESSAGES);
        }
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        w.acquire(1, 7, MIA, Map.of("12", "Projects")).release();
        await(w, s -> s.connections() == 1);
        try (Store client = client()) {
            client.getFolder("Projects").renameTo(client.getFolder("Archive"));
        }
        w.acquire(1, 7, MIA, Map.of("12", "Archive"));
        await(w, s -> s.connections() == 1 && s.connects() == 2);
        try (Store client = client()) {
            client.getFolder("Archive").appendMessages(new Message[] {message("archived")});
        }
        assertEquals("7/12", published.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void theNodeLimitRefusesFurtherUsers() throws Exception {
        MailWatchers w = watchers(settings(2, 1, LONG, true));
        w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        w.acquire(1, 8, new MailLogin("max@example.org", "pw"), Map.of("21", "INBOX"));
        await(w, s -> s.connections() == 1);
        assertEquals(1, w.stats().refused());
        assertEquals(2, w.stats().users());
    }

    @Test
    void aDroppedConnectionReconnectsWithBackoffAndReportsWhatChangedMeanwhile() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        await(w, s -> s.connections() == 1);
        deliver("before the drop");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));

        mail.stop(); // GreenMail forgets all mail: the restarted Inbox is empty
        await(w, s -> s.connections() == 0);
        mail = startMail();
        await(w, s -> s.connections() == 1 && s.reconnects() >= 1);
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS), "the Inbox is not what it was before the drop");

        deliver("after the restart");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
        assertNull(published.poll(300, TimeUnit.MILLISECONDS));
    }

    // --- what changed before a request parked, against what its device's last sync saw ---

    final BlockingQueue<Set<String>> told = new LinkedBlockingQueue<>();

    /** The folder as a device's sync of it now would leave it (GreenMail has no CONDSTORE: UIDNEXT and MESSAGES). */
    SyncedFolder syncedNow(String name) throws MessagingException {
        try (Store client = client()) {
            IMAPFolder folder = (IMAPFolder) client.getFolder(name);
            folder.open(Folder.READ_ONLY);
            try {
                return SyncedFolder.of(new MailSnapshot(folder.getUIDValidity(), 0, null, true, UidSet.EMPTY, null)
                        .seeing(new MailSnapshot.Seen(folder.getUIDNext(), folder.getMessageCount())));
            } finally {
                folder.close(false);
            }
        }
    }

    @Test
    void mailThatCameAfterTheDevicesLastSyncAndBeforeItsRequestParkedIsToldWhenTheWatcherConnects() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        deliver("synced");
        SyncedFolder device = syncedNow("INBOX");
        deliver("in the gap");
        Lease lease = w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        w.compare(lease, Map.of("11", device), told::add);
        long parked = System.nanoTime();
        assertEquals(Set.of("11"), told.poll(5, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - parked);
        assertTrue(millis < 2000, "told " + millis + " ms after parking");
        assertNull(published.poll(300, TimeUnit.MILLISECONDS), "told to this request only, not to every watcher of the folder");
        assertEquals(1, w.stats().connects(), "the STATUS went over the watcher's own connection");
    }

    @Test
    void aRequestWhoseDeviceSawTheFolderAsItIsWaitsForItsNextChange() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        deliver("synced");
        SyncedFolder device = syncedNow("INBOX");
        Lease lease = w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        w.compare(lease, Map.of("11", device), told::add);
        await(w, s -> s.connections() == 1 && s.idling() == 1 && s.polls() >= 1);
        assertNull(told.poll(300, TimeUnit.MILLISECONDS), "nothing changed since the device's sync");
        deliver("later");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS), "the next change comes through IDLE");
        assertNull(told.poll(100, TimeUnit.MILLISECONDS));
    }

    @Test
    void aWatcherAlreadyOpenAnswersTheNextRequestWithAStatus() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        w.acquire(1, 7, MIA, Map.of("11", "INBOX")); // another request of the user (another device) keeps it open
        await(w, s -> s.connections() == 1 && s.idling() == 1);
        SyncedFolder device = syncedNow("INBOX");
        deliver("while this device did not wait");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS), "published while this device's request was not parked");

        Lease lease = w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        w.compare(lease, Map.of("11", device), told::add);
        assertEquals(Set.of("11"), told.poll(5, TimeUnit.SECONDS), "the watcher's IDLE saw it, the device did not");
        assertEquals(1, w.stats().connects());
        assertEquals(1, w.stats().idling(), "back in IDLE after the STATUS");
        deliver("next");
        assertEquals("7/11", published.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void anExpungeBeforeTheRequestParkedIsToldToo() throws Exception {
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        deliver("one");
        deliver("two");
        SyncedFolder device = syncedNow("INBOX");
        try (Store client = client(); Folder inbox = client.getFolder("INBOX")) {
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            inbox.expunge();
        }
        Lease lease = w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        w.compare(lease, Map.of("11", device), told::add);
        assertEquals(Set.of("11"), told.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aFolderPolledWithStatusOnAnotherConnectionIsComparedByThatStatus() throws Exception {
        try (Store client = client()) {
            client.getFolder("Projects").create(Folder.HOLDS_MESSAGES);
        }
        SyncedFolder device = syncedNow("Projects");
        try (Store client = client()) {
            client.getFolder("Projects").appendMessages(new Message[] {message("filed")});
        }
        MailWatchers w = watchers(settings(1, 10, LONG, true));
        Map<String, String> folders = new LinkedHashMap<>();
        folders.put("11", "INBOX");
        folders.put("12", "Projects");
        Lease lease = w.acquire(1, 7, MIA, folders);
        w.compare(lease, Map.of("11", syncedNow("INBOX"), "12", device), told::add);
        assertEquals(Set.of("12"), told.poll(5, TimeUnit.SECONDS));
        assertNull(told.poll(300, TimeUnit.MILLISECONDS), "the Inbox is as the device saw it");
        assertEquals(1, w.stats().connections());
    }

    @Test
    void aDeviceWhoseLastSyncLeftMailToSendIsToldAtOnceAndAReleasedRequestNever() throws Exception {
        try (Store client = client()) {
            client.getFolder("Projects").create(Folder.HOLDS_MESSAGES);
        }
        MailWatchers w = watchers(settings(2, 10, LONG, true));
        Lease lease = w.acquire(1, 7, MIA, Map.of("11", "INBOX", "12", "Projects"));
        SyncedFolder more = SyncedFolder.of(new MailSnapshot(1, 0, null, false, UidSet.parse("1:5"), null));
        SyncedFolder first = SyncedFolder.of(MailSnapshot.empty());
        w.compare(lease, Map.of("11", more, "12", first), told::add);
        assertEquals(Set.of("11", "12"), told.poll(), "told before any IMAP command, both at once");

        deliver("in the gap");
        Lease ended = w.acquire(1, 7, MIA, Map.of("11", "INBOX"));
        ended.release();
        w.compare(ended, Map.of("11", SyncedFolder.of(new MailSnapshot(1, 0, null, true, UidSet.EMPTY, null)
                .seeing(new MailSnapshot.Seen(1, 0)))), told::add);
        assertNull(told.poll(500, TimeUnit.MILLISECONDS));
    }

    void deliver(String subject) throws MessagingException {
        GreenMailUser user = mail.getUserManager().getUser(MIA.login());
        user.deliver(message(subject));
    }

    static MimeMessage message(String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sender@example.org"));
        m.setRecipients(Message.RecipientType.TO, MIA.login());
        m.setSubject(subject);
        m.setText("Hello");
        m.saveChanges();
        return m;
    }

    Store client() throws MessagingException {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(port));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(MIA.login(), MIA.password());
        return store;
    }

    /** The IMAP connections GreenMail holds open (it has no public count). */
    int serverConnections() throws ReflectiveOperationException {
        java.lang.reflect.Field handlers = com.icegreen.greenmail.server.AbstractServer.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        List<?> list = (List<?>) handlers.get(mail.getImap());
        synchronized (list) {
            return list.size();
        }
    }

    static void await(MailWatchers w, Predicate<MailPushStats> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(w.stats())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + w.stats());
            }
            Thread.sleep(20);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
