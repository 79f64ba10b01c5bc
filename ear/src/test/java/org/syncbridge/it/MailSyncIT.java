package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.options;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Mail from IMAP reaches phones of every protocol version exactly once, in windows, newest first; mail the mail
 * system delivers (SMTP into GreenMail, LMTP into Dovecot) arrives at the next Sync. Runs against GreenMail and
 * against Dovecot (tag "mail": see ear/pom.xml).
 */
@Tag("mail")
class MailSyncIT extends ServerIT {
    static final String CONTEXT = "mailsync.test";
    static final String PASSWORD = "Mail-sync-pw-1";
    static final int MAILS = 500;

    @BeforeEach
    void usersExist() {
        usersExist(CONTEXT, "", PASSWORD, "many", "arrivals");
    }

    static EasClient device(String login, String deviceId, String version) {
        return phone(login + "@" + CONTEXT, PASSWORD, deviceId, "Android", version);
    }

    /** 500 mails in the Inbox of "many", appended once per test run, "Mail 0001" oldest to "Mail 0500" newest. */
    static synchronized void manyMailsExist() throws Exception {
        String login = "many@" + CONTEXT;
        int there = TestMail.subjects(login, "INBOX").size();
        if (there == MAILS) {
            return;
        }
        assertEquals(0, there, "a half-filled Inbox");
        Instant first = Instant.now().minus(Duration.ofDays(20));
        List<TestMail.Mail> mails = new ArrayList<>();
        for (int i = 1; i <= MAILS; i++) {
            mails.add(new TestMail.Mail(TestMail.message(subject(i), "Mail number " + i + " of " + MAILS),
                    first.plus(Duration.ofMinutes(50L * i)), new jakarta.mail.Flags()));
        }
        TestMail.append(login, "INBOX", mails);
    }

    static String subject(int i) {
        return String.format("Mail %04d", i);
    }

    /** 2.5 asks without BodyPreference (there is none); later versions as today's phones do, with a short plain preview. */
    static Element optionsFor(String version) {
        return version.equals("2.5") ? options(filterType("0"), EasClient.text("AirSync:", "Truncation", "1"))
                : options(filterType("0"), bodyPreference(1, 200L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5", "12.1", "14.1", "16.1"})
    void fiveHundredMailsArriveExactlyOnceInWindowsOfFiftyNewestFirst(String version) throws Exception {
        manyMailsExist();
        EasClient phone = device("many", "many-" + version.replace(".", ""), version);
        MailView inbox = new MailView(phone, MailView.folder(phone, "Inbox"), optionsFor(version)).start();

        Element firstPage = inbox.sync(50);
        assertTrue(firstPage.child(org.syncbridge.web.eas.wbxml.Tag.of("AirSync:", "MoreAvailable")).isPresent(), "MoreAvailable after 50 of 500");
        Set<String> newest = IntStream.rangeClosed(MAILS - 49, MAILS).mapToObj(MailSyncIT::subject).collect(Collectors.toSet());
        assertEquals(newest, inbox.items.values().stream().map(MailView::subject).collect(Collectors.toSet()),
                "the first window holds the 50 newest mails");

        int rounds = 1 + inbox.syncUntilDone(50, 12);
        assertEquals(MAILS / 50, rounds, "500 mails in windows of 50");
        assertEquals(MAILS, inbox.items.size(), "every mail, each ServerId once");
        Set<String> subjects = new HashSet<>();
        inbox.items.values().forEach(d -> assertTrue(subjects.add(MailView.subject(d)), "twice: " + MailView.subject(d)));
        assertEquals(IntStream.rangeClosed(1, MAILS).mapToObj(MailSyncIT::subject).collect(Collectors.toSet()), subjects);

        Element after = inbox.sync(50);
        assertTrue(after.child(org.syncbridge.web.eas.wbxml.Tag.of("AirSync:", "Commands")).isEmpty(), "nothing more: " + after);
        assertEquals("0", SyncIT.estimate(phone, inbox.collectionId, inbox.key), "GetItemEstimate after the last window");
    }

    @Test
    void mailDeliveredByTheMailSystemArrivesAtTheNextSyncAndIsEstimatedBefore() throws Exception {
        String login = "arrivals@" + CONTEXT;
        TestMail.deliver(login, "Before the phone came");
        EasClient phone = device("arrivals", "arrivals-phone", "14.1");
        MailView inbox = new MailView(phone, MailView.folder(phone, "Inbox"), optionsFor("14.1")).start();
        inbox.syncUntilDone(25, 3);
        assertEquals(1, inbox.count("Before the phone came"));
        assertEquals("0", SyncIT.estimate(phone, inbox.collectionId, inbox.key));

        TestMail.deliver(login, TestMail.fixture("html.eml"));
        TestMail.deliver(login, "Delivered while the phone waits");
        assertEquals("2", SyncIT.estimate(phone, inbox.collectionId, inbox.key), "two new mails, on " + TestMail.imapServer());
        Element next = inbox.sync(25);
        assertEquals(2, SyncIT.commands(next, "Add").size(), "exactly the two delivered: " + next);
        assertEquals(1, inbox.count("Delivered while the phone waits"));
        assertEquals(1, inbox.count("Terminübersicht KW 47"), "the subject decoded from RFC 2047");
        assertEquals(3, inbox.items.size());
        assertTrue(SyncIT.commands(inbox.sync(25), "Add").isEmpty(), "and not again");
    }
}
