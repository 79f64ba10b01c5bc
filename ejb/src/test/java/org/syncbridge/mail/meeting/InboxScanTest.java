package org.syncbridge.mail.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.syncbridge.mail.TestImap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.MailConnection;

/** Looking at the Inbox for invitations against a real IMAP server (GreenMail): only new mail, only calendar parts. */
class InboxScanTest {
    static final Instant MONTH_AGO = Instant.now().minus(Duration.ofDays(30));
    TestImap imap;
    GreenMail mail;
    Store store;
    /** The store as a connection outside any budget, as the scan gets it. */
    MailConnection connection;

    @BeforeEach
    void start() throws Exception {
        imap = TestImap.start();
        mail = imap.mail;
        store = imap.login("ann@example.com");
        connection = MailConnection.of(store);
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        imap.close();
    }

    /** An invitation as Exchange sends it: text and the calendar as alternatives, the calendar in base64. */
    static MimeMessage invitation(String subject, String uid) throws Exception {
        MimeMessage m = message(subject);
        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Agenda", "UTF-8");
        alternatives.addBodyPart(text);
        MimeBodyPart calendar = new MimeBodyPart();
        calendar.setContent(MeetingItemsTest.fixture("exchange-request.ics").replaceAll("UID:[^\r]*\r\n [^\r]*", "UID:" + uid),
                "text/calendar; charset=UTF-8; method=REQUEST");
        calendar.setHeader("Content-Transfer-Encoding", "base64");
        alternatives.addBodyPart(calendar);
        m.setContent(alternatives);
        m.saveChanges();
        return m;
    }

    static MimeMessage message(String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("john.doe@example.com"));
        m.setSubject(subject);
        m.setText("hello");
        return m;
    }

    /** A file of type application/ics: the mail is no invitation (MailReader shows it as a note with an attachment). */
    static MimeMessage attachedIcs(String subject) throws Exception {
        MimeMessage m = message(subject);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attached");
        mixed.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setContent(MeetingItemsTest.fixture("exchange-request.ics"), "application/ics");
        file.setFileName("invite.ics");
        file.setDisposition("attachment");
        mixed.addBodyPart(file);
        m.setContent(mixed);
        m.saveChanges();
        return m;
    }

    void append(MimeMessage m, Instant arrived) throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        MimeMessage dated = new MimeMessage(m) {
            @Override
            public Date getReceivedDate() {
                return Date.from(arrived);
            }
        };
        inbox.appendMessages(new Message[] {dated});
        inbox.close(false);
    }

    @Test
    void theFirstLookTakesTheRecentMailThenOnlyWhatArrived() throws Exception {
        append(invitation("Too old", "old-uid"), Instant.now().minus(Duration.ofDays(40)));
        append(message("Plain"), Instant.now());
        append(invitation("Planning", "uid-1"), Instant.now());
        append(attachedIcs("An attached file"), Instant.now());

        InboxScan.Result first = InboxScan.scan(connection, 0, 0, MONTH_AGO, 200).orElseThrow();
        assertTrue(first.uidValidity() > 0);
        assertEquals(4, first.lastUid(), "up to the newest mail");
        assertEquals(3, first.examined(), "the mail of the last month");
        assertEquals(List.of(3L), first.invitations().stream().map(InboxScan.Found::uid).toList());
        assertTrue(first.invitations().get(0).calendarText().contains("UID:uid-1"), "decoded from base64");
        assertTrue(InboxScan.scan(connection, first.uidValidity(), first.lastUid(), MONTH_AGO, 200).isEmpty(), "nothing new: one STATUS");

        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertFalse(inbox.getMessage(3).isSet(Flags.Flag.SEEN), "looking does not mark it read");
        inbox.close(false);

        append(invitation("Update", "uid-2"), Instant.now());
        append(message("Plain 2"), Instant.now());
        append(invitation("Third", "uid-3"), Instant.now());
        InboxScan.Result next = InboxScan.scan(connection, first.uidValidity(), first.lastUid(), MONTH_AGO, 2).orElseThrow();
        assertEquals(2, next.examined(), "at most two at a time, oldest first");
        assertEquals(6, next.lastUid());
        assertEquals(List.of(5L), next.invitations().stream().map(InboxScan.Found::uid).toList());
        InboxScan.Result rest = InboxScan.scan(connection, next.uidValidity(), next.lastUid(), MONTH_AGO, 2).orElseThrow();
        assertEquals(7, rest.lastUid());
        assertEquals(List.of(7L), rest.invitations().stream().map(InboxScan.Found::uid).toList());
        assertTrue(InboxScan.scan(connection, rest.uidValidity(), rest.lastUid(), MONTH_AGO, 2).isEmpty());
    }

    @Test
    void anInboxKeptSelectedIsLookedAtInPlaceAndStaysSelected() throws Exception {
        append(invitation("Planning", "uid-1"), Instant.now());
        InboxScan.Result first = InboxScan.scan(connection, 0, 0, MONTH_AGO, 200).orElseThrow();
        org.eclipse.angus.mail.imap.IMAPFolder inbox = (org.eclipse.angus.mail.imap.IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE); // as an Inbox Sync leaves it
        connection.keepSelected(inbox);
        assertTrue(InboxScan.scan(connection, first.uidValidity(), first.lastUid(), MONTH_AGO, 200).isEmpty());
        append(invitation("Update", "uid-2"), Instant.now());
        InboxScan.Result next = InboxScan.scan(connection, first.uidValidity(), first.lastUid(), MONTH_AGO, 200).orElseThrow();
        assertEquals(List.of(2L), next.invitations().stream().map(InboxScan.Found::uid).toList());
        assertTrue(connection.selected("INBOX").isPresent(), "still selected for the next Inbox Sync");
        assertTrue(connection.counted() > 0, "the message objects it made are counted against the kept selection");
        assertFalse(inbox.getMessage(2).isSet(Flags.Flag.SEEN), "looking does not mark it read");
    }

    @Test
    void aNewUidValidityIsAFirstLookAgain() throws Exception {
        append(invitation("Planning", "uid-1"), Instant.now());
        InboxScan.Result seen = InboxScan.scan(connection, 0, 0, MONTH_AGO, 200).orElseThrow();
        InboxScan.Result again = InboxScan.scan(connection, seen.uidValidity() + 1, seen.lastUid(), MONTH_AGO, 200).orElseThrow();
        assertEquals(1, again.invitations().size(), "looked at again; the calendar ignores what it applied before");
    }
}
