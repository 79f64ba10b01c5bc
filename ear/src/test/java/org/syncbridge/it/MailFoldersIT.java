package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.ActiveSyncIT.FH;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MailView.E;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.change;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.flagStatus;
import static org.syncbridge.it.MailView.options;
import static org.syncbridge.it.MailView.value;

import jakarta.mail.Flags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Mail folders as the IMAP server changes them: a folder deleted and created again (a new UIDVALIDITY, the same
 * UIDs naming other mails) syncs on without Status 3 and without the phone's ServerIds pointing at the wrong mail;
 * with mail subfolders switched off (context or user, admin API) only the Inbox and the special folders sync.
 */
@Tag("mail")
class MailFoldersIT extends ServerIT {
    static final String CONTEXT = "mailfolders.test";
    static final String CLOSED = "mailnosub.test";
    static final String PASSWORD = "Mail-folders-pw-1";

    @BeforeEach
    void usersExist() {
        usersExist(CONTEXT, "", PASSWORD, "recreate", "switch");
        usersExist(CLOSED, ",\"syncMailSubfolders\":false", PASSWORD, "closed");
    }

    /** A provisioned phone with its folder hierarchy; returns the hierarchy's SyncKey. */
    static String provisioned(EasClient phone) {
        phone.provision();
        EasClient.Answer tree = phone.folderSync("0");
        phone.hierarchy = ActiveSyncIT.adds(tree);
        return tree.text(FH, "SyncKey");
    }

    static EasClient device(String login, String deviceId) {
        return new EasClient(EasClient.https(), login, PASSWORD, deviceId, "iPhone", "14.1");
    }

    static MailView view(EasClient phone, String folder) {
        MailView view = new MailView(phone, MailView.folder(phone, folder), options(filterType("0"), bodyPreference(1, 200L))).start();
        view.syncUntilDone(50, 3);
        return view;
    }

    @Test
    void aFolderRecreatedWithANewUidValiditySyncsOnAndEveryServerIdStillNamesItsMail() throws Exception {
        String login = "recreate@" + CONTEXT;
        TestMail.createMailbox(login, "Archiv");
        Instant start = Instant.now().minus(Duration.ofDays(3));
        List<TestMail.Mail> mails = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Flags flags = i == 2 ? new Flags(Flags.Flag.SEEN) : i == 4 ? new Flags(Flags.Flag.FLAGGED) : new Flags();
            mails.add(new TestMail.Mail(TestMail.message("Archived " + i, "Number " + i), start.plus(Duration.ofHours(i)), flags));
        }
        TestMail.append(login, "Archiv", mails);
        EasClient phone = device(login, "recreate-phone");
        String hierarchyKey = provisioned(phone);
        MailView archive = view(phone, "Archiv");
        assertEquals(5, archive.items.size());

        Set<String> serverIds = Set.copyOf(archive.items.keySet());
        TestMail.Recreated recreated = TestMail.recreate(login, "Archiv");
        assertNotEquals(recreated.oldValidity(), recreated.newValidity(), TestMail.imapServer() + " gave the new folder a new UIDVALIDITY");
        EasClient.Answer hierarchy = phone.folderSync(hierarchyKey);
        assertTrue(ActiveSyncIT.changes(hierarchy, "Delete").isEmpty() && ActiveSyncIT.changes(hierarchy, "Add").isEmpty(),
                "the folder keeps its ServerId: " + hierarchy.root());

        archive.syncUntilDone(50, 3); // MailView holds every answer to Status 1: never 3
        assertEquals(5, archive.items.size(), "five mails, each once: " + archive.items.keySet());
        assertEquals(serverIds, archive.items.keySet(), "the mails were found again under their ServerIds: no Delete and Add of each");
        for (int i = 1; i <= 5; i++) {
            Element mail = archive.bySubject("Archived " + i);
            assertEquals(i == 2 ? "1" : "0", value(mail, E, "Read").orElseThrow(), "Read of Archived " + i);
            assertEquals(i == 4 ? "2" : "0", flagStatus(mail), "Flag of Archived " + i);
        }

        archive.sync(50, change(archive.idOf("Archived 3"), text(E, "Read", "1")));
        Set<String> seen = TestMail.subjects(login, "Archiv").values().stream()
                .filter(s -> uncheckedFlags(login, s).contains(Flags.Flag.SEEN)).collect(Collectors.toSet());
        assertEquals(Set.of("Archived 2", "Archived 3"), seen, "the phone's ServerId of Archived 3 names Archived 3");
    }

    private static Flags uncheckedFlags(String login, String subject) {
        try {
            return TestMail.flags(login, "Archiv", subject);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withSubfoldersSwitchedOffForTheUserOnlyTheInboxAndTheSpecialFoldersSync() throws Exception {
        String login = "switch@" + CONTEXT;
        TestMail.createMailbox(login, "Projekte");
        TestMail.append(login, "Projekte", new TestMail.Mail(TestMail.message("Filed away", "In a subfolder")));
        TestMail.deliver(login, "In the Inbox");
        EasClient phone = device(login, "switch-phone");
        String key = provisioned(phone);
        MailView projects = view(phone, "Projekte");
        assertEquals(1, projects.count("Filed away"));

        assertEquals(200, api.asMaster("PATCH", "api/admin/contexts/" + CONTEXT + "/users/switch", "{\"syncMailSubfolders\":false}").statusCode());
        EasClient.Answer hidden = phone.folderSync(key);
        assertTrue(ActiveSyncIT.changes(hidden, "Delete").stream().anyMatch(d -> ActiveSyncIT.field(d, "ServerId").equals(projects.collectionId)),
                "the subfolder leaves the phone: " + hidden.root());
        Element refused = projects.request(50, true, List.of());
        assertTrue(Set.of("8", "12").contains(SyncIT.status(refused)), "a Sync of the hidden subfolder: Status " + SyncIT.status(refused));
        EasClient.Answer fresh = phone.folderSync("0");
        assertFalse(ActiveSyncIT.adds(fresh).containsKey("Projekte"));
        assertTrue(ActiveSyncIT.adds(fresh).keySet().containsAll(List.of("Inbox", "Sent", "Drafts", "Trash")));
        phone.hierarchy = ActiveSyncIT.adds(fresh);
        assertEquals(1, view(phone, "Inbox").count("In the Inbox"), "the Inbox still syncs");

        assertEquals(200, api.asMaster("PATCH", "api/admin/contexts/" + CONTEXT + "/users/switch", "{\"inheritMailSubfolders\":true}").statusCode());
        EasClient.Answer back = phone.folderSync(fresh.text(FH, "SyncKey"));
        assertEquals(projects.collectionId, ActiveSyncIT.field(ActiveSyncIT.adds(back).get("Projekte"), "ServerId"), "back, with its ServerId");
    }

    @Test
    void aContextWithoutSubfoldersListsNoneUntilTheAdminSwitchesThemOn() throws Exception {
        String login = "closed@" + CLOSED;
        TestMail.createMailbox(login, "Projekte");
        TestMail.append(login, "Projekte", new TestMail.Mail(TestMail.message("Not for phones", "Subfolders are off")));
        EasClient phone = device(login, "closed-phone");
        String key = provisioned(phone);
        assertFalse(phone.hierarchy.containsKey("Projekte"), "FolderSync lists no subfolder: " + phone.hierarchy.keySet());
        assertTrue(phone.hierarchy.keySet().containsAll(List.of("Inbox", "Sent", "Drafts", "Trash", "Outbox")));
        MailView trash = view(phone, "Trash");
        assertTrue(trash.items.isEmpty(), "a special folder syncs");

        assertEquals(200, api.asMaster("PATCH", "api/admin/contexts/" + CLOSED, "{\"syncMailSubfolders\":true}").statusCode());
        EasClient.Answer opened = phone.folderSync(key);
        phone.hierarchy = ActiveSyncIT.adds(opened);
        assertEquals("12", ActiveSyncIT.field(phone.hierarchy.get("Projekte"), "Type"), "a user mail folder");
        assertEquals(1, view(phone, "Projekte").count("Not for phones"));
    }
}
