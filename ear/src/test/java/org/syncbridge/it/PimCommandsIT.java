package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.empty;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.SyncIT.AS;
import static org.syncbridge.it.SyncIT.C;
import static org.syncbridge.it.SyncIT.add;
import static org.syncbridge.it.SyncIT.commands;
import static org.syncbridge.it.SyncIT.data;
import static org.syncbridge.it.SyncIT.key;
import static org.syncbridge.it.SyncIT.responses;
import static org.syncbridge.it.SyncIT.status;
import static org.syncbridge.it.SyncIT.sync;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** MoveItems and ItemOperations on PIM folders, and the empty and Partial Sync. */
class PimCommandsIT extends ServerIT {
    static final String MV = "Move:";
    static final String IO = "ItemOperations:";
    static final String ASB = "AirSyncBase:";
    static final String T = "Tasks:";
    static final String FH = "FolderHierarchy:";

    @BeforeEach
    void contextExists() {
        usersExist("pim.test", ",\"sharedFolderDeviceTypes\":[\"*\"]", SyncIT.PASSWORD, "mover", "lender", "fetcher", "quiet", "repeater");
    }

    EasClient device(String login, String deviceId, String version) {
        return phone(login + "@pim.test", SyncIT.PASSWORD, deviceId, "Android", version);
    }

    static String folder(EasClient device, String name) {
        return ActiveSyncIT.field(device.hierarchy.get(name), "ServerId");
    }

    static Element move(EasClient device, String item, String from, String to) {
        EasClient.Answer answer = device.post("MoveItems", el(MV, "MoveItems", el(MV, "Move",
                text(MV, "SrcMsgId", item), text(MV, "SrcFldId", from), text(MV, "DstFldId", to))));
        assertEquals(200, answer.status());
        Element response = answer.root().child(Tag.of(MV, "Response")).orElseThrow();
        assertEquals(item, response.childText(Tag.of(MV, "SrcMsgId")).orElseThrow());
        return response;
    }

    static String moveStatus(EasClient device, String item, String from, String to) {
        return move(device, item, from, to).childText(Tag.of(MV, "Status")).orElseThrow();
    }

    static List<String> ids(Element collection, String kind) {
        return commands(collection, kind).stream().map(c -> c.childText(Tag.of(AS, "ServerId")).orElseThrow()).toList();
    }

    @Test
    void aMovedContactIsOnceInItsNewFolderOnEveryDeviceAndARepeatedMoveChangesNothing() {
        EasClient a = device("mover", "mover-a", "14.1");
        String hierarchyKey = a.folderSync("0").text(FH, "SyncKey");
        EasClient.Answer created = a.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", hierarchyKey),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Work contacts"), text(FH, "Type", "14")));
        assertEquals("1", created.text(FH, "Status"));
        String work = created.text(FH, "ServerId");
        String contacts = folder(a, "Contacts");
        EasClient b = device("mover", "mover-b", "16.1");
        assertEquals(work, folder(b, "Work contacts"));

        String aContacts = key(sync(a, contacts, "0", null));
        String aWork = key(sync(a, work, "0", null));
        String bContacts = key(sync(b, contacts, "0", null));
        String bWork = key(sync(b, work, "0", null));
        Element added = sync(a, contacts, aContacts, null, add("m1", text(C, "FirstName", "Moving"), text(C, "LastName", "Person")));
        String source = responses(added, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        aContacts = key(added);
        Element bSeesAdd = sync(b, contacts, bContacts, null);
        assertEquals(List.of(source), ids(bSeesAdd, "Add"));
        bContacts = key(bSeesAdd);

        Element moved = move(a, source, contacts, work);
        assertEquals("3", moved.childText(Tag.of(MV, "Status")).orElseThrow(), "MS-ASCMD: 3 is success");
        String destination = moved.childText(Tag.of(MV, "DstMsgId")).orElseThrow();
        assertNotEquals(source, destination, "the item lives on under a new id in its new folder");
        Element again = move(a, source, contacts, work); // the first answer was lost
        assertEquals("3", again.childText(Tag.of(MV, "Status")).orElseThrow());
        assertEquals(destination, again.childText(Tag.of(MV, "DstMsgId")).orElseThrow());

        Element bContactsAfter = sync(b, contacts, bContacts, null);
        assertEquals(List.of(source), ids(bContactsAfter, "Delete"));
        assertTrue(commands(bContactsAfter, "Add").isEmpty());
        bContacts = key(bContactsAfter);
        Element bWorkAfter = sync(b, work, bWork, null);
        assertEquals(List.of(destination), ids(bWorkAfter, "Add"), "exactly one copy arrives");
        assertEquals("Person", data(commands(bWorkAfter, "Add").get(0), "LastName"));
        bWork = key(bWorkAfter);

        Element aContactsAfter = sync(a, contacts, aContacts, null);
        assertTrue(commands(aContactsAfter, "Delete").isEmpty(), "the mover removed it itself");
        aContacts = key(aContactsAfter);
        Element aWorkAfter = sync(a, work, aWork, null);
        assertTrue(commands(aWorkAfter, "Add").isEmpty(), "the mover holds it under DstMsgId already: no second copy");
        aWork = key(aWorkAfter);
        assertEquals("0", SyncIT.estimate(a, work, aWork));

        EasClient fresh = device("mover", "mover-c", "14.1");
        String freshWork = key(sync(fresh, work, "0", null));
        assertEquals(List.of(destination), ids(sync(fresh, work, freshWork, null), "Add"));
        String freshContacts = key(sync(fresh, contacts, "0", null));
        assertTrue(commands(sync(fresh, contacts, freshContacts, null), "Add").isEmpty());

        Element back = move(b, destination, work, contacts); // and back again, by the other device
        assertEquals("3", back.childText(Tag.of(MV, "Status")).orElseThrow());
        String home = back.childText(Tag.of(MV, "DstMsgId")).orElseThrow();
        assertFalse(List.of(source, destination).contains(home));
        assertEquals(List.of(destination), ids(sync(a, work, aWork, null), "Delete"));
        Element aHome = sync(a, contacts, aContacts, null);
        assertEquals(List.of(home), ids(aHome, "Add"));
        assertTrue(commands(aHome, "Delete").isEmpty());
        assertTrue(commands(sync(b, contacts, bContacts, null), "Add").isEmpty(), "nor does the second mover get it twice");
        assertEquals("1", moveStatus(a, source, contacts, work), "the first move's item has moved on since");
    }

    @Test
    void aMoveThatCannotBeDoneGetsTheSpecsStatus() {
        EasClient lender = device("lender", "lender-1", "14.1");
        String lent = folder(lender, "Contacts");
        String lenderKey = key(sync(lender, lent, "0", null));
        String lentItem = responses(sync(lender, lent, lenderKey, null, add("l1", text(C, "FirstName", "Lent"))), "Add")
                .get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        JsonObject folder = Api.array(api.asMaster("GET", "api/admin/contexts/pim.test/users/lender/folders", null)).stream()
                .map(JsonObject.class::cast).filter(f -> f.getString("type").equals("contacts")).findFirst().orElseThrow();
        assertEquals(200, api.asMaster("PUT", "api/admin/contexts/pim.test/users/lender/folders/" + folder.getInt("id")
                + "/shares/quiet", "{\"writable\":false}").statusCode());

        EasClient d = device("quiet", "quiet-1", "14.1");
        String contacts = folder(d, "Contacts");
        String tasks = folder(d, "Tasks");
        String inbox = folder(d, "Inbox");
        String key = key(sync(d, contacts, "0", null));
        String item = responses(sync(d, contacts, key, null, add("q1", text(C, "FirstName", "Stays"))), "Add")
                .get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();

        assertEquals("4", moveStatus(d, item, contacts, contacts), "same folder");
        assertEquals("1", moveStatus(d, item, "999999999", contacts), "unknown source folder");
        assertEquals("2", moveStatus(d, item, contacts, "999999999"), "unknown destination");
        assertEquals("5", moveStatus(d, item, contacts, tasks), "a contact is no task");
        assertEquals("5", moveStatus(d, item, contacts, inbox), "mail moves are not built yet: a failure, not a 500");
        assertEquals("7", moveStatus(d, lentItem, folder(d, "Contacts (User lender)"), contacts), "a read-only share");
        assertEquals("7", moveStatus(d, item, contacts, folder(d, "Contacts (User lender)")), "a read-only share");
        assertEquals("2", moveStatus(d, item, contacts, folder(lender, "Tasks")), "another user's unshared folder is unknown here");
        String again = key(sync(d, contacts, "0", null));
        assertEquals(List.of(item), ids(sync(d, contacts, again, null), "Add"), "the contact is still where it was");
    }

    static Element fetch(EasClient device, Element... fetchParts) {
        EasClient.Answer answer = device.post("ItemOperations", el(IO, "ItemOperations", el(IO, "Fetch", fetchParts)));
        assertEquals(200, answer.status());
        assertEquals("1", answer.text(IO, "Status"));
        return answer.root().child(Tag.of(IO, "Response")).orElseThrow().child(Tag.of(IO, "Fetch")).orElseThrow();
    }

    static String opStatus(Element response, String ns) {
        return response.childText(Tag.of(ns, "Status")).orElseThrow();
    }

    @Test
    void itemOperationsFetchesAContactAndATaskThroughTheirCodecs() {
        EasClient d = device("fetcher", "fetcher-1", "16.1");
        String contacts = folder(d, "Contacts");
        String tasks = folder(d, "Tasks");
        String contactKey = key(sync(d, contacts, "0", null));
        String contact = responses(sync(d, contacts, contactKey, null, add("f1", text(C, "FirstName", "Fetched"),
                text(C, "LastName", "Person"), text(C, "Email1Address", "fp@example.com"),
                el(ASB, "Body", text(ASB, "Type", "1"), text(ASB, "Data", "Größer als zehn Bytes")))), "Add")
                .get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        String taskKey = key(sync(d, tasks, "0", null));
        String task = responses(sync(d, tasks, taskKey, null, el(AS, "Add", text(AS, "ClientId", "t1"), el(AS, "ApplicationData",
                text(T, "Subject", "Fetch me"), text(T, "Importance", "2"), text(T, "Complete", "0")))), "Add")
                .get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();

        Element whole = fetch(d, text(IO, "Store", "Mailbox"), text(AS, "CollectionId", contacts), text(AS, "ServerId", contact));
        assertEquals("1", opStatus(whole, IO));
        assertEquals("Contacts", whole.childText(Tag.of(AS, "Class")).orElseThrow());
        assertEquals(contact, whole.childText(Tag.of(AS, "ServerId")).orElseThrow());
        Element properties = whole.child(Tag.of(IO, "Properties")).orElseThrow();
        assertEquals("Fetched", properties.childText(Tag.of(C, "FirstName")).orElseThrow());
        assertEquals("fp@example.com", properties.childText(Tag.of(C, "Email1Address")).orElseThrow());
        assertEquals("Größer als zehn Bytes", properties.child(Tag.of(ASB, "Body")).orElseThrow().childText(Tag.of(ASB, "Data")).orElseThrow());

        Element chosen = fetch(d, text(IO, "Store", "Mailbox"), text(AS, "CollectionId", contacts), text(AS, "ServerId", contact),
                el(IO, "Options", el(IO, "Schema", empty(C, "LastName"), empty(ASB, "Body")),
                        el(ASB, "BodyPreference", text(ASB, "Type", "1"), text(ASB, "TruncationSize", "3"))));
        Element some = chosen.child(Tag.of(IO, "Properties")).orElseThrow();
        assertEquals("Person", some.childText(Tag.of(C, "LastName")).orElseThrow());
        assertTrue(some.child(Tag.of(C, "FirstName")).isEmpty(), "Schema names what is wanted");
        Element body = some.child(Tag.of(ASB, "Body")).orElseThrow();
        assertEquals("1", body.childText(Tag.of(ASB, "Truncated")).orElseThrow());
        assertEquals("Gr", body.childText(Tag.of(ASB, "Data")).orElseThrow(), "3 bytes, never half an ö");

        Element taskFetch = fetch(d, text(IO, "Store", "Mailbox"), text(AS, "CollectionId", tasks), text(AS, "ServerId", task));
        assertEquals("Tasks", taskFetch.childText(Tag.of(AS, "Class")).orElseThrow());
        assertEquals("Fetch me", taskFetch.child(Tag.of(IO, "Properties")).orElseThrow().childText(Tag.of(T, "Subject")).orElseThrow());

        assertEquals("6", opStatus(fetch(d, text(IO, "Store", "Mailbox"), text(AS, "CollectionId", contacts), text(AS, "ServerId", task)), IO),
                "a task is not in the contacts");
        assertEquals("6", opStatus(fetch(d, text(IO, "Store", "Mailbox"), text(AS, "CollectionId", "999999999"), text(AS, "ServerId", task)), IO));
        assertEquals("2", opStatus(fetch(d, text(IO, "Store", "Mailbox"), text(AS, "CollectionId", contacts)), IO), "no ServerId");
        assertEquals("15", opStatus(fetch(d, text(IO, "Store", "Mailbox"), text(ASB, "FileReference", "1:2")), IO));
        assertEquals("6", opStatus(fetch(d, text(IO, "Store", "Mailbox"), text("Search:", "LongId", "RgAAAA")), IO));
        assertEquals("9", opStatus(fetch(d, text(IO, "Store", "DocumentLibrary"), text("DocumentLibrary:", "LinkId", "\\\\srv\\x")), IO));
        assertEquals("6", opStatus(fetch(d, text(IO, "Store", "Mailbox"), text(AS, "CollectionId", folder(d, "Inbox")),
                text(AS, "ServerId", "1")), IO), "no such mail in the empty Inbox");

        EasClient.Answer others = d.post("ItemOperations", el(IO, "ItemOperations",
                el(IO, "EmptyFolderContents", text(AS, "CollectionId", contacts)),
                el(IO, "Move", text(IO, "ConversationId", "AAAA"), text(IO, "DstFldId", contacts))));
        assertEquals(200, others.status());
        Element response = others.root().child(Tag.of(IO, "Response")).orElseThrow();
        assertEquals("2", opStatus(response.child(Tag.of(IO, "EmptyFolderContents")).orElseThrow(), IO), "phones empty mail folders only");
        assertEquals("6", opStatus(response.child(Tag.of(IO, "Move")).orElseThrow(), IO), "no conversation ids are handed out");
        assertEquals(List.of(contact), ids(sync(d, contacts, key(sync(d, contacts, "0", null)), null), "Add"), "nothing was emptied");
    }

    static EasClient.Answer rawSync(EasClient device, Element body) {
        EasClient.Answer answer = device.post("Sync", body);
        assertEquals(200, answer.status());
        return answer;
    }

    static Map<String, Element> collections(EasClient.Answer answer) {
        return answer.root().child(Tag.of(AS, "Collections")).orElseThrow().children(Tag.of(AS, "Collection")).stream()
                .collect(Collectors.toMap(c -> c.childText(Tag.of(AS, "CollectionId")).orElseThrow(), c -> c));
    }

    static Element collection(String id, String key, Element... more) {
        Element[] parts = new Element[more.length + 2];
        parts[0] = text(AS, "SyncKey", key);
        parts[1] = text(AS, "CollectionId", id);
        System.arraycopy(more, 0, parts, 2, more.length);
        return el(AS, "Collection", parts);
    }

    @Test
    void anEmptySyncRepeatsTheLastRequestAndAPartialOneCompletesIt() {
        EasClient d = device("repeater", "repeater-1", "14.1");
        assertEquals("13", rawSync(d, null).text(AS, "Status"), "nothing to repeat yet");
        assertEquals("13", rawSync(d, el(AS, "Sync", empty(AS, "Partial"))).text(AS, "Status"));
        String contacts = folder(d, "Contacts");
        String tasks = folder(d, "Tasks");
        String contactKey = key(sync(d, contacts, "0", null));
        String taskKey = key(sync(d, tasks, "0", null));

        Map<String, Element> full = collections(rawSync(d, el(AS, "Sync", el(AS, "Collections",
                collection(contacts, contactKey, text(AS, "WindowSize", "1")), collection(tasks, taskKey)))));
        contactKey = key(full.get(contacts));
        taskKey = key(full.get(tasks));
        EasClient other = device("repeater", "repeater-2", "14.1");
        String otherKey = key(sync(other, contacts, "0", null));
        otherKey = key(sync(other, contacts, otherKey, null, add("e1", text(C, "FirstName", "One")), add("e2", text(C, "FirstName", "Two"))));

        Map<String, Element> repeated = collections(rawSync(d, null));
        assertEquals(2, repeated.size(), "both collections of the last request");
        assertEquals(1, commands(repeated.get(contacts), "Add").size(), "with the remembered WindowSize");
        assertTrue(repeated.get(contacts).child(Tag.of(AS, "MoreAvailable")).isPresent());
        assertEquals("1", status(repeated.get(contacts)));
        assertEquals(taskKey, key(repeated.get(tasks)), "nothing new in the tasks: the same key");
        contactKey = key(repeated.get(contacts));

        Map<String, Element> partial = collections(rawSync(d, el(AS, "Sync", empty(AS, "Partial"), el(AS, "Collections",
                collection(tasks, taskKey, el(AS, "Commands", el(AS, "Add", text(AS, "ClientId", "pt"),
                        el(AS, "ApplicationData", text(T, "Subject", "Sent in a Partial Sync")))))))));
        assertEquals(2, partial.size(), "the sent collection and the remembered one");
        assertEquals("1", responses(partial.get(tasks), "Add").get(0).childText(Tag.of(AS, "Status")).orElseThrow());
        assertEquals(1, commands(partial.get(contacts), "Add").size(), "the contacts go on from their last key");
        Map<String, Element> last = collections(rawSync(d, el(AS, "Sync")));
        assertTrue(commands(last.get(contacts), "Add").isEmpty(), "each contact once");
        assertTrue(commands(last.get(tasks), "Add").isEmpty(), "the device's own task is not sent back");
        assertEquals(Optional.empty(), last.get(contacts).child(Tag.of(AS, "Commands")));
    }
}
