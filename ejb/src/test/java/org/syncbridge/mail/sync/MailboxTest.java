package org.syncbridge.mail.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.MailConnection;
import org.junit.jupiter.api.AfterEach;
import org.syncbridge.mail.TestImap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mailbox commands against a real IMAP server without CONDSTORE or ESEARCH (GreenMail): the fallback paths. */
class MailboxTest {
    TestImap imap;
    GreenMail mail;
    Store store;

    @BeforeEach
    void start() throws Exception {
        imap = TestImap.start();
        mail = imap.mail;
        store = imap.login("mia@example.org");
        store.getFolder("Archive").create(Folder.HOLDS_MESSAGES);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        imap.close();
    }

    void append(String subject, Instant received) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("ann@example.com"));
        m.setSubject(subject);
        m.setText("hello");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        MimeMessage copy = new MimeMessage(m) {
            @Override
            public Date getReceivedDate() {
                return Date.from(received);
            }
        };
        inbox.appendMessages(new Message[] {copy});
        inbox.close(false);
    }

    @Test
    void searchesFlagsAndMovesWithoutExtensions() throws Exception {
        Instant now = Instant.now();
        append("old", now.minus(40, ChronoUnit.DAYS));
        append("new", now);
        append("newer", now);
        MailConnection connection = MailConnection.of(store);
        try (Mailbox box = Mailbox.open(connection, "INBOX")) {
            assertFalse(box.condstore());
            assertEquals(0, box.highestModseq());
            assertEquals(UidSet.parse("1:3"), box.search(null));
            assertEquals(UidSet.parse("2:3"), box.search(now.minus(7, ChronoUnit.DAYS)));
            assertEquals(UidSet.parse("1,3"), box.existing(UidSet.parse("1,3,9")));

            IMAPMessage second = box.message(2).orElseThrow();
            FlagChange.of(Map.of("read", "1", "flagStatus", "2", "categories", java.util.List.of("Work")), second.getFlags()).apply(second);
            Map<Long, Flags> flags = box.flags(UidSet.parse("1:3"));
            assertTrue(flags.get(2L).contains(Flags.Flag.SEEN));
            assertTrue(flags.get(2L).contains("Work"));
            assertFalse(flags.get(1L).contains(Flags.Flag.SEEN));
            assertEquals(MessageFlags.SEEN | MessageFlags.FLAGGED, MessageFlags.of(flags.get(2L)) & 0xf);

            long moved = box.moveTo(second, "Archive").orElseThrow();
            assertEquals(UidSet.parse("1,3"), box.search(null), "the moved mail left, nothing else did");
            try (Mailbox archive = Mailbox.open(connection, "Archive")) {
                assertEquals(UidSet.of(moved), archive.search(null));
                assertTrue(archive.flags(UidSet.of(moved)).get(moved).contains(Flags.Flag.FLAGGED), "flags travel with the mail");
            }
        }
    }

    @Test
    void messagesComeWithTheirUids() throws Exception {
        append("a", Instant.now());
        append("b", Instant.now());
        try (Mailbox box = Mailbox.open(MailConnection.of(store), "INBOX")) {
            var found = box.messages(new long[] {2, 1, 7});
            assertEquals(2, found.size());
            assertEquals("b", found.stream().filter(m -> {
                try {
                    return box.folder().getUID(m) == 2;
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).findFirst().orElseThrow().getSubject());
        }
    }

    @Test
    void aKeptMailboxSeesWhatOthersDidAndAnotherMailboxReplacesIt() throws Exception {
        append("a", Instant.now());
        MailConnection connection = MailConnection.of(store);
        IMAPFolder first;
        try (Mailbox box = Mailbox.open(connection, "INBOX")) {
            first = box.folder();
            assertEquals(UidSet.parse("1"), box.search(null));
            assertEquals(new MailSnapshot.Seen(2, 1), box.seen(), "UIDNEXT and MESSAGES of the SELECT");
        }
        assertTrue(first.isOpen(), "closing the mailbox leaves it selected on the connection");
        Store other = imap.session.getStore("imap");
        other.connect("mia@example.org", "pw");
        try {
            Folder inbox = other.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.appendMessages(new Message[] {new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(
                    "Subject: b\r\n\r\nhi\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))});
            inbox.close(false);
        } finally {
            other.close();
        }
        try (Mailbox box = Mailbox.open(connection, "INBOX")) {
            assertSame(first, box.folder(), "the kept selection is used again");
            assertEquals(new MailSnapshot.Seen(3, 2), box.seen(), "asked with STATUS: the SELECT's UIDNEXT is out of date");
            assertEquals(UidSet.parse("1:2"), box.search(null));
            assertEquals(UidSet.parse("2"), box.searchAbove(1, null));
            assertEquals(UidSet.EMPTY, box.searchAbove(2, null), "n:* names the highest UID even when it is below n");
            assertEquals(2, box.messages(new long[] {2, 1}).size(), "the folder knows the new mail");
        }
        try (Mailbox archive = Mailbox.open(connection, "Archive")) {
            assertFalse(first.isOpen(), "another mailbox replaces the kept one");
            assertEquals(UidSet.EMPTY, archive.search(null));
        }
        connection.close();
        assertFalse(store.isConnected());
    }

    @Test
    void aSelectionThatGatheredManyMessagesIsNotKept() throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Session session = Session.getInstance(new Properties());
        Message[] many = new Message[MailConnection.KEPT_MESSAGES + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = new MimeMessage(session, new java.io.ByteArrayInputStream(
                    ("Subject: m" + i + "\r\n\r\nhi\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        inbox.appendMessages(many);
        inbox.close(false);
        MailConnection connection = MailConnection.of(store);
        IMAPFolder first;
        try (Mailbox box = Mailbox.open(connection, "INBOX")) {
            first = box.folder();
            box.messages(new long[] {1, 2});
        }
        assertTrue(first.isOpen(), "a request that read two mails leaves the mailbox selected");
        try (Mailbox box = Mailbox.open(connection, "INBOX")) {
            assertSame(first, box.folder());
            assertEquals(MailConnection.KEPT_MESSAGES + 1, box.messages(box.search(null).highest(Integer.MAX_VALUE)).size());
        }
        assertFalse(first.isOpen(), "one that read the whole folder closes it: the folder would keep every message object");
        try (Mailbox box = Mailbox.open(connection, "INBOX")) {
            assertEquals("m0", box.message(1).orElseThrow().getSubject(), "the next request selects it again");
        }
        connection.close();
    }
}
