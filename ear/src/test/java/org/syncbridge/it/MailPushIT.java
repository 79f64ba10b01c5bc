package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.PushIT.folders;
import static org.syncbridge.it.PushIT.letItPark;
import static org.syncbridge.it.PushIT.parked;
import static org.syncbridge.it.PushIT.status;

import jakarta.json.JsonObject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import java.net.URL;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Mail push: a Ping on mail folders gets an IMAP watcher (IDLE) on them, and mail arriving on the IMAP server
 * wakes it. Both test IMAP servers offer IDLE (tag "mail": run against GreenMail, then against Dovecot; see TestMail), so
 * IDLE is what this proves; the polling fallback is proven against GreenMail in the ejb module's MailWatchersTest.
 * GreenMail's IDLE reports new and expunged messages but no flag changes, so the flag test needs Dovecot. What
 * changed before a Ping parked (since the phone's last Sync) answers it at once: with CONDSTORE (Dovecot) by
 * HIGHESTMODSEQ, without (GreenMail) by UIDNEXT and MESSAGES.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("mail")
class MailPushIT {
    static final String P = "Ping:";
    static final String PASSWORD = "Mail-push-pw-1";
    static final String CONTEXT = "mailpush.test";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.realEar();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void usersExist() {
        TestMail.server();
        api = new Api(base);
        if (api.asMaster("GET", "api/admin/contexts/" + CONTEXT, null).statusCode() == 404) {
            api.asMaster("POST", "api/admin/contexts", "{\"name\":\"" + CONTEXT + "\"}");
            for (String login : List.of("mia", "moe", "max")) {
                assertEquals(201, api.asMaster("POST", "api/admin/contexts/" + CONTEXT + "/users",
                        "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"User " + login + "\"}").statusCode());
            }
            assertEquals(201, api.asMaster("POST", "api/admin/admins",
                    "{\"login\":\"mailpush-admin\",\"password\":\"" + PASSWORD + "\",\"context\":\"" + CONTEXT + "\"}").statusCode());
        }
    }

    EasClient device(String login, String deviceId) {
        EasClient device = new EasClient(EasClient.https(), login + "@" + CONTEXT, PASSWORD, deviceId, "Android", "14.1");
        device.provision();
        device.hierarchy = ActiveSyncIT.adds(device.folderSync("0"));
        return device;
    }

    static Element mailPing(String heartbeat, String folder) {
        return el(P, "Ping", text(P, "HeartbeatInterval", heartbeat),
                el(P, "Folders", el(P, "Folder", text(P, "Id", folder), text(P, "Class", "Email"))));
    }

    /** This node's mail push counts, from the admin status. */
    JsonObject mailPush() {
        return Api.object(api.asMaster("GET", "api/admin/status", null)).getJsonObject("mailPush");
    }

    JsonObject awaitMailPush(Predicate<JsonObject> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonObject now = mailPush();
        while (!condition.test(now)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": " + now);
            }
            Thread.sleep(100);
            now = mailPush();
        }
        return now;
    }

    @Test
    void deliveredMailWakesAPingOnTheInboxWithinASecondAndTheWatcherClosesAfterTheGracePeriod() throws Exception {
        EasClient phone = device("mia", "mia-phone");
        String inbox = SyncIT.collection(phone, "Inbox");
        awaitMailPush(s -> s.getInt("connections") == 0, "no watcher before the Ping");

        CompletableFuture<Element> waiting = parked(phone, mailPing("300", inbox));
        JsonObject watching = awaitMailPush(s -> s.getInt("connections") == 1 && s.getInt("idling") == 1, "one IDLE watcher on the Inbox");
        assertFalse(waiting.isDone(), "parked while no mail comes");
        TestMail.deliver("mia@" + CONTEXT, "Pushed");
        long delivered = System.nanoTime();
        Element woken = waiting.get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - delivered);
        assertEquals("2", status(woken));
        assertEquals(List.of(inbox), folders(woken));
        assertTrue(millis < 1000, "woken " + millis + " ms after " + TestMail.imapServer() + " accepted the mail");

        // the device's next Ping, within the grace period, reuses the connection; an expunge wakes it too
        CompletableFuture<Element> next = parked(phone, mailPing("300", inbox));
        letItPark();
        assertFalse(next.isDone());
        try (Store client = TestMail.imap("mia@" + CONTEXT)) {
            Folder folder = client.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            folder.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            folder.close(true);
        }
        Element expunged = next.get(5, TimeUnit.SECONDS);
        assertEquals("2", status(expunged));
        assertEquals(List.of(inbox), folders(expunged));
        JsonObject after = mailPush();
        assertEquals(watching.getJsonNumber("connects").longValue(), after.getJsonNumber("connects").longValue(),
                "no new connection for the second Ping");
        assertEquals(1, after.getInt("connections"), "kept open for the grace period");

        awaitMailPush(s -> s.getInt("connections") == 0 && s.getInt("users") == 0, "closed, and the login forgotten, after the grace period");
    }

    @Test
    void aFlagChangeMadeByAnotherMailClientWakesThePing() throws Exception {
        assumeTrue(TestMail.idleReportsFlagChanges(), TestMail.imapServer() + "'s IDLE does not report flag changes");
        EasClient phone = device("mia", "mia-flags");
        String inbox = SyncIT.collection(phone, "Inbox");
        TestMail.deliver("mia@" + CONTEXT, "To be read");
        awaitMailPush(s -> s.getInt("connections") == 0, "no watcher before the Ping");
        CompletableFuture<Element> waiting = parked(phone, mailPing("300", inbox));
        awaitMailPush(s -> s.getInt("connections") == 1 && s.getInt("idling") == 1, "one IDLE watcher on the Inbox");
        try (Store client = TestMail.imap("mia@" + CONTEXT)) {
            Folder folder = client.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            folder.getMessage(folder.getMessageCount()).setFlag(Flags.Flag.SEEN, true);
            folder.close(false);
        }
        long changed = System.nanoTime();
        Element woken = waiting.get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changed);
        assertEquals("2", status(woken));
        assertEquals(List.of(inbox), folders(woken));
        assertTrue(millis < 1000, "woken " + millis + " ms after the flag changed");
        awaitMailPush(s -> s.getInt("connections") == 0, "closed after the grace period");
    }

    @Test
    void mailDeliveredBetweenThePhonesSyncAndItsPingWakesThePingAtOnceAndOnlyNewsDoes() throws Exception {
        EasClient phone = device("max", "max-phone");
        MailView inbox = new MailView(phone, MailView.folder(phone, "Inbox"),
                MailView.options(MailView.filterType("0"), MailView.bodyPreference(1, 200L))).start();
        inbox.syncUntilDone(50, 5);
        awaitMailPush(s -> s.getInt("connections") == 0, "no watcher before the Ping");

        TestMail.deliver("max@" + CONTEXT, "Between Sync and Ping"); // no watcher sees it come
        long started = System.nanoTime();
        Element woken = parked(phone, mailPing("300", inbox.collectionId)).get(10, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals("2", status(woken), "the Inbox changed since the phone's Sync");
        assertEquals(List.of(inbox.collectionId), folders(woken));
        assertTrue(millis < 3000, "answered " + millis + " ms after the Ping was sent, not at its heartbeat (300 s)");
        inbox.sync(50);
        assertEquals(1, inbox.count("Between Sync and Ping"), "the Sync it leads to brings the mail");

        long parkedAt = System.nanoTime();
        assertEquals("1", status(parked(phone, mailPing("2", inbox.collectionId)).get(10, TimeUnit.SECONDS)),
                "nothing new since that Sync: it waits out its heartbeat");
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - parkedAt);
        assertTrue(waited >= 1800, "answered after " + waited + " ms, before its heartbeat of 2 s");

        String newest = inbox.idOf("Between Sync and Ping");
        inbox.items.remove(newest);
        inbox.sync(50, MailView.delete(newest));
        // an open watcher would report the expunge as it reports any (it cannot tell the phone's own changes); without
        // one, only the comparison with the phone's sync state decides, and the phone's own change is no news to it
        awaitMailPush(s -> s.getInt("connections") == 0, "the watcher closed after the grace period");
        parkedAt = System.nanoTime();
        assertEquals("1", status(parked(phone, mailPing("2", inbox.collectionId)).get(10, TimeUnit.SECONDS)),
                "the newest mail deleted on the phone itself: nothing to sync");
        waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - parkedAt);
        assertTrue(waited >= 1800, "answered after " + waited + " ms, before its heartbeat of 2 s");
    }

    @Test
    void aPingThatExpiresEndsItsWatcherAndAPingWithoutMailFoldersOpensNone() throws Exception {
        EasClient phone = device("moe", "moe-phone");
        String inbox = SyncIT.collection(phone, "Inbox");
        String contacts = SyncIT.collection(phone, "Contacts");
        awaitMailPush(s -> s.getInt("connections") == 0, "no watcher before the Ping");
        long connects = mailPush().getJsonNumber("connects").longValue();

        assertEquals("1", status(parked(phone, mailPing("2", inbox)).get(10, TimeUnit.SECONDS)), "nothing came in time");
        awaitMailPush(s -> s.getInt("connections") == 0 && s.getJsonNumber("connects").longValue() == connects + 1,
                "the watcher closed after the expired Ping's grace period");

        assertFalse(Api.object(api.get("api/admin/status", "mailpush-admin", PASSWORD)).containsKey("mailPush"),
                "a context admin does not see the node's counts across contexts");

        CompletableFuture<Element> pim = parked(phone, PushIT.ping("300", contacts));
        letItPark();
        assertEquals(0, mailPush().getInt("connections"), "a contacts folder needs no IMAP watcher");
        SyncIT.sync(phone, contacts, "0", null); // a Sync of the device ends its Ping
        assertEquals("1", status(pim.get(5, TimeUnit.SECONDS)));
    }
}
