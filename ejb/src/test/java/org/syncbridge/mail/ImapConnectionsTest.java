package org.syncbridge.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account's budget and the connections kept between requests, against a real IMAP server (GreenMail). */
class ImapConnectionsTest {
    TestImap imap;
    GreenMail mail;
    Session session;
    ImapConnections connections;
    ScheduledExecutorService timers;
    final MailLogin mia = new MailLogin("mia@example.org", "pw");

    @BeforeEach
    void start() throws Exception {
        imap = TestImap.start();
        mail = imap.mail;
        session = imap.session;
        System.setProperty(ImapConnections.PER_USER, "2");
        System.setProperty(ImapConnections.WAIT, "200");
        System.setProperty(ImapConnections.KEEP, "300");
        connections = new ImapConnections();
        connections.imap = new ImapSession();
        connections.imap.session = session;
        timers = Executors.newSingleThreadScheduledExecutor();
        connections.timers = timers;
        connections.init();
    }

    @AfterEach
    void stop() {
        connections.logOutAll();
        timers.shutdownNow();
        imap.close();
        System.clearProperty(ImapConnections.PER_USER);
        System.clearProperty(ImapConnections.WAIT);
        System.clearProperty(ImapConnections.KEEP);
    }

    @Test
    void aRequestsConnectionIsKeptWithItsMailboxSelectedForTheNext() throws Exception {
        IMAPFolder inbox;
        Store first;
        try (MailConnection c = connections.open(mia)) {
            first = c.store();
            inbox = (IMAPFolder) first.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            c.keepSelected(inbox);
        }
        assertEquals(1, connections.stats().kept());
        assertTrue(inbox.isOpen(), "kept selected");
        try (MailConnection c = connections.open(mia)) {
            assertSame(inbox, c.selected("INBOX").orElseThrow());
            assertSame(first, inbox.getStore(), "the same connection");
            assertEquals(0, connections.stats().kept());
        }
        assertEquals(1, connections.stats().opened());
        assertEquals(1, connections.stats().reused());
    }

    @Test
    void anotherPasswordNeverGetsAKeptConnection() {
        Store first;
        try (MailConnection c = connections.open(mia)) {
            first = c.store();
        }
        try (MailConnection c = connections.open(new MailLogin("mia@example.org", "other"))) {
            assertNotSame(first, c.store());
        }
        assertEquals(2, connections.stats().opened());
    }

    @Test
    void keptConnectionsGiveTheirPlaceToRequestsAndWatchers() throws Exception {
        MailConnection a = connections.open(mia);
        MailConnection b = connections.open(mia);
        assertThrows(MailBusy.class, () -> connections.open(new MailLogin("mia@example.org", "other")), "the budget of two is spent");
        a.close();
        b.close();
        assertEquals(2, connections.stats().kept());
        try (MailConnection c = connections.open(new MailLogin("mia@example.org", "other"))) {
            assertEquals(1, connections.stats().kept(), "one kept connection logged out for it");
            Store watcher = session.getStore("imap");
            connections.connectWatcher(watcher, mia);
            assertEquals(0, connections.stats().kept(), "the other for the watcher");
            watcher.close();
        }
    }

    @Test
    void aDeadKeptConnectionIsReplaced() {
        Store first;
        try (MailConnection c = connections.open(mia)) {
            first = c.store();
        }
        mail.reset(); // the server drops every session
        try (MailConnection c = connections.open(mia)) {
            assertNotSame(first, c.store());
            assertTrue(c.store().isConnected());
        }
        assertFalse(first.isConnected());
    }

    @Test
    void nothingIsKeptWhenKeepingIsSwitchedOff() {
        System.setProperty(ImapConnections.KEEP, "0");
        Store first;
        try (MailConnection c = connections.open(mia)) {
            first = c.store();
        }
        assertFalse(first.isConnected());
        assertEquals(0, connections.stats().kept());
    }
}
