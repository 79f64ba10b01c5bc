package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MailView.E;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.change;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.flagStatus;
import static org.syncbridge.it.MailView.options;
import static org.syncbridge.it.MailView.value;

import jakarta.mail.Flags;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * What phones and other mail clients change meets on the IMAP server: Read and Flag set on the phone are IMAP's
 * \Seen and \Flagged and the other way round; a delete on the phone moves the mail to the Deleted Items folder;
 * MoveItems into a folder and back leaves every device with one copy.
 */
@Tag("mail")
class MailChangesIT extends ServerIT {
    static final String CONTEXT = "mailchanges.test";
    static final String PASSWORD = "Mail-changes-pw-1";

    @BeforeEach
    void usersExist() {
        usersExist(CONTEXT, "", PASSWORD, "flags", "deleter", "mover");
    }

    static EasClient device(String login, String deviceId, String version) {
        return phone(login + "@" + CONTEXT, PASSWORD, deviceId, "Android", version);
    }

    /** A folder of the device, synced to its end. */
    static MailView view(EasClient phone, String folder) {
        MailView view = new MailView(phone, MailView.folder(phone, folder), options(filterType("0"), bodyPreference(1, 200L))).start();
        view.syncUntilDone(50, 3);
        return view;
    }

    static Element flag(String status) {
        return el(E, "Flag", text(E, "Status", status), text(E, "FlagType", "Follow up"));
    }

    static boolean has(String login, String subject, Flags.Flag flag) throws Exception {
        return TestMail.flags(login, "INBOX", subject).contains(flag);
    }

    @Test
    void readAndFlagMeetBothWaysBetweenThePhoneAndAnotherImapClient() throws Exception {
        String login = "flags@" + CONTEXT;
        for (String subject : List.of("Read on the phone", "Flagged on the phone", "Read elsewhere", "Flagged elsewhere")) {
            TestMail.deliver(login, subject);
        }
        MailView inbox = view(device("flags", "flags-phone", "14.1"), "Inbox");
        assertEquals(4, inbox.items.size());
        inbox.items.values().forEach(d -> assertEquals("0", value(d, E, "Read").orElseThrow(), "delivered unread"));

        String read = inbox.idOf("Read on the phone");
        String flagged = inbox.idOf("Flagged on the phone");
        Element answer = inbox.sync(50, change(read, text(E, "Read", "1")), change(flagged, flag("2")));
        SyncIT.responses(answer, "Change").forEach(r -> assertEquals("1", value(r, "AirSync:", "Status").orElse("1"), r.toString()));
        assertTrue(SyncIT.commands(answer, "Change").isEmpty(), "the phone's own changes do not come back: " + answer);
        assertTrue(has(login, "Read on the phone", Flags.Flag.SEEN), "Read on the phone is \\Seen on " + TestMail.imapServer());
        assertTrue(has(login, "Flagged on the phone", Flags.Flag.FLAGGED), "Flag is \\Flagged");
        assertFalse(has(login, "Flagged on the phone", Flags.Flag.SEEN), "and only that");
        assertTrue(SyncIT.commands(inbox.sync(50), "Change").isEmpty(), "nor later");

        TestMail.setFlags(login, "INBOX", "Read elsewhere", new Flags(Flags.Flag.SEEN), true);
        TestMail.setFlags(login, "INBOX", "Flagged elsewhere", new Flags(Flags.Flag.FLAGGED), true);
        Element changes = inbox.sync(50);
        assertEquals(2, SyncIT.commands(changes, "Change").size(), "one Change each: " + changes);
        assertEquals("1", value(inbox.bySubject("Read elsewhere"), E, "Read").orElseThrow());
        assertEquals("2", flagStatus(inbox.bySubject("Flagged elsewhere")), "\\Flagged is a Flag for follow-up");
        assertEquals("0", value(inbox.bySubject("Flagged elsewhere"), E, "Read").orElseThrow(), "still unread");

        TestMail.setFlags(login, "INBOX", "Flagged elsewhere", new Flags(Flags.Flag.FLAGGED), false);
        assertEquals(1, SyncIT.commands(inbox.sync(50), "Change").size());
        assertEquals("0", flagStatus(inbox.bySubject("Flagged elsewhere")), "the flag cleared elsewhere is cleared on the phone");

        inbox.sync(50, change(read, text(E, "Read", "0")), change(flagged, Element.empty(org.syncbridge.web.eas.wbxml.Tag.of(E, "Flag"))));
        assertFalse(has(login, "Read on the phone", Flags.Flag.SEEN), "marked unread on the phone");
        assertFalse(has(login, "Flagged on the phone", Flags.Flag.FLAGGED), "an empty Flag clears it");
    }

    @Test
    void aMailDeletedOnThePhoneGoesToDeletedItems() throws Exception {
        String login = "deleter@" + CONTEXT;
        TestMail.deliver(login, "Keep me");
        TestMail.deliver(login, "Delete me");
        EasClient phone = device("deleter", "deleter-phone", "16.1");
        MailView inbox = view(phone, "Inbox");
        MailView trash = view(phone, "Trash");
        assertTrue(trash.items.isEmpty());

        String doomed = inbox.idOf("Delete me");
        inbox.items.remove(doomed); // the phone drops it at once
        Element answer = inbox.sync(50, MailView.delete(doomed));
        SyncIT.responses(answer, "Delete").forEach(r -> assertEquals("1", value(r, "AirSync:", "Status").orElse("1"), r.toString()));
        assertEquals(List.of("Keep me"), List.copyOf(TestMail.subjects(login, "INBOX").values()));
        String trashName = TestMail.mailboxes(login).stream().filter(n -> n.replaceAll(".*[./]", "").equalsIgnoreCase("Trash"))
                .findFirst().orElseThrow(() -> new AssertionError("no Trash on " + TestMail.imapServer()));
        assertEquals(List.of("Delete me"), List.copyOf(TestMail.subjects(login, trashName).values()), "moved to " + trashName);

        trash.syncUntilDone(50, 2);
        assertEquals(1, trash.count("Delete me"), "the Deleted Items folder shows it");
        assertTrue(SyncIT.commands(inbox.sync(50), "Add").isEmpty(), "it does not come back to the Inbox");
    }

    @Test
    void moveItemsIntoAFolderAndBackLeavesOneCopyOnEveryDevice() throws Exception {
        String login = "mover@" + CONTEXT;
        TestMail.createMailbox(login, "Projekte");
        TestMail.deliver(login, "Move me");
        TestMail.deliver(login, "Stay");
        EasClient a = device("mover", "mover-a", "14.1");
        EasClient b = device("mover", "mover-b", "12.1");
        MailView inboxA = view(a, "Inbox");
        MailView folderA = view(a, "Projekte");
        MailView inboxB = view(b, "Inbox");
        MailView folderB = view(b, "Projekte");
        assertEquals(2, inboxB.items.size());
        assertTrue(folderB.items.isEmpty());

        inboxA.moveTo(inboxA.idOf("Move me"), folderA);
        assertEquals(List.of("Stay"), List.copyOf(TestMail.subjects(login, "INBOX").values()));
        inboxB.sync(50);
        folderB.syncUntilDone(50, 2);
        assertEquals(0, inboxB.count("Move me"), "gone from the second device's Inbox");
        assertEquals(1, folderB.count("Move me"), "once in its Projekte");
        inboxA.sync(50);
        folderA.sync(50);
        assertEquals(1, folderA.count("Move me"), "the moving device holds it once, under the id MoveItems gave");
        assertEquals(folderB.idOf("Move me"), folderA.idOf("Move me"), "both devices know it by the same ServerId");

        folderA.moveTo(folderA.idOf("Move me"), inboxA);
        for (MailView view : List.of(folderB, inboxB, folderA, inboxA)) {
            view.sync(50);
        }
        for (MailView inbox : List.of(inboxA, inboxB)) {
            assertEquals(1, inbox.count("Move me"), inbox.device.deviceId + ": back in the Inbox once");
            assertEquals(1, inbox.count("Stay"));
            assertEquals(2, inbox.items.size());
        }
        assertTrue(folderA.items.isEmpty() && folderB.items.isEmpty(), "and not left in Projekte");
        assertEquals(inboxB.idOf("Move me"), inboxA.idOf("Move me"));
        assertEquals(List.of("Move me", "Stay"), TestMail.subjects(login, "INBOX").values().stream().sorted().toList());
        assertTrue(TestMail.subjects(login, "Projekte").isEmpty());
    }
}
