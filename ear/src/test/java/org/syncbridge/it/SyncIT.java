package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** Contacts synced both ways between devices, with replay, windowing and shared folders. */
class SyncIT extends ServerIT {
    static final String AS = "AirSync:";
    static final String C = "Contacts:";
    static final String PASSWORD = "Sync-pw-1";

    @BeforeEach
    void contextExists() {
        usersExist("sync.test", ",\"sharedFolderDeviceTypes\":[\"*\"]", PASSWORD, "v121", "v141", "v161", "replay", "window", "owner", "reader");
    }

    /** A provisioned device with its hierarchy synced. */
    EasClient device(String login, String deviceId, String version) {
        return phone(login + "@sync.test", PASSWORD, deviceId, "Android", version);
    }

    static String collection(EasClient device, String displayName) {
        return ActiveSyncIT.field(device.hierarchy.get(displayName), "ServerId");
    }

    /** Sync of one collection; returns the Collection element of the answer. */
    static Element sync(EasClient device, String collectionId, String key, Integer window, Element... commands) {
        List<Element> parts = new ArrayList<>(List.of(text(AS, "SyncKey", key), text(AS, "CollectionId", collectionId)));
        if (window != null) {
            parts.add(text(AS, "WindowSize", String.valueOf(window)));
        }
        if (commands.length > 0) {
            parts.add(el(AS, "Commands", commands));
        }
        EasClient.Answer answer = device.post("Sync", el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", parts.toArray(Element[]::new)))));
        assertEquals(200, answer.status());
        return answer.root().child(Tag.of(AS, "Collections")).orElseThrow().child(Tag.of(AS, "Collection")).orElseThrow();
    }

    static String key(Element collection) {
        return collection.childText(Tag.of(AS, "SyncKey")).orElseThrow();
    }

    static String status(Element collection) {
        return collection.childText(Tag.of(AS, "Status")).orElseThrow();
    }

    static List<Element> commands(Element collection, String kind) {
        return collection.child(Tag.of(AS, "Commands")).map(c -> c.children(Tag.of(AS, kind))).orElse(List.of());
    }

    static List<Element> responses(Element collection, String kind) {
        return collection.child(Tag.of(AS, "Responses")).map(c -> c.children(Tag.of(AS, kind))).orElse(List.of());
    }

    static String data(Element command, String field) {
        return command.child(Tag.of(AS, "ApplicationData")).orElseThrow().childText(Tag.of(C, field)).orElse(null);
    }

    static Element add(String clientId, Element... fields) {
        return el(AS, "Add", text(AS, "ClientId", clientId), el(AS, "ApplicationData", fields));
    }

    static Element change(String serverId, Element... fields) {
        return el(AS, "Change", text(AS, "ServerId", serverId), el(AS, "ApplicationData", fields));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void aContactMadeOnOneDeviceIsIdenticalOnTheOtherThenChangedAndDeletedBothWays(String version) {
        String login = "v" + version.replace(".", "");
        EasClient a = device(login, login + "-a", version);
        EasClient b = device(login, login + "-b", version);
        String contacts = collection(a, "Contacts");
        String keyA = key(sync(a, contacts, "0", null));
        String keyB = key(sync(b, contacts, "0", null));

        Element added = sync(a, contacts, keyA, null, add("c1", text(C, "FirstName", "Jürgen"), text(C, "LastName", "Groß"),
                text(C, "Email1Address", "jg@example.com"), text(C, "Birthday", "1980-05-17T00:00:00.000Z"),
                el(C, "Categories", text(C, "Category", "Friends"), text(C, "Category", "Berlin")),
                text("Contacts2:", "NickName", "Jo")));
        assertEquals("1", responses(added, "Add").get(0).childText(Tag.of(AS, "Status")).orElseThrow());
        String serverId = responses(added, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        keyA = key(added);

        Element seen = sync(b, contacts, keyB, null);
        Element contact = commands(seen, "Add").stream().filter(c -> c.childText(Tag.of(AS, "ServerId")).orElseThrow().equals(serverId))
                .findFirst().orElseThrow();
        assertEquals("Jürgen", data(contact, "FirstName"));
        assertEquals("Groß", data(contact, "LastName"));
        assertEquals("jg@example.com", data(contact, "Email1Address"));
        assertEquals("1980-05-17T00:00:00.000Z", data(contact, "Birthday"));
        assertEquals(List.of("Friends", "Berlin"), contact.child(Tag.of(AS, "ApplicationData")).orElseThrow()
                .child(Tag.of(C, "Categories")).orElseThrow().children(Tag.of(C, "Category")).stream().map(Element::text).toList());
        assertEquals("Jo", contact.child(Tag.of(AS, "ApplicationData")).orElseThrow().childText(Tag.of("Contacts2:", "NickName")).orElseThrow());
        keyB = key(seen);
        assertTrue(commands(sync(a, contacts, keyA, null), "Add").isEmpty(), "the writer does not get its own item back");

        Element changedOnB = sync(b, contacts, keyB, null, change(serverId, text(C, "FirstName", "Jürgen"), text(C, "LastName", "Groß-Meier")));
        keyB = key(changedOnB);
        Element changeSeen = sync(a, contacts, keyA, null);
        Element changed = commands(changeSeen, "Change").get(0);
        assertEquals("Groß-Meier", data(changed, "LastName"));
        assertEquals(null, data(changed, "Email1Address"), "a change carries the whole item as the client sent it");
        keyA = key(changeSeen);
        keyA = key(sync(a, contacts, keyA, null, change(serverId, text(C, "FirstName", "Jürgen"), text(C, "LastName", "Meier"))));
        Element backOnB = sync(b, contacts, keyB, null);
        assertEquals("Meier", data(commands(backOnB, "Change").get(0), "LastName"), "and the other way");
        keyB = key(backOnB);

        // a second contact, made on B and seen on A, is deleted on B: gone from A too
        Element second = sync(b, contacts, keyB, null, add("c2", text(C, "FirstName", "Brief")));
        String secondId = responses(second, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        Element arrived = sync(a, contacts, keyA, null);
        assertEquals(secondId, commands(arrived, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow());
        keyB = key(sync(b, contacts, key(second), null, el(AS, "Delete", text(AS, "ServerId", secondId))));
        Element gone = sync(a, contacts, key(arrived), null);
        assertEquals(secondId, commands(gone, "Delete").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow());
        keyA = key(gone);

        keyA = key(sync(a, contacts, keyA, null, el(AS, "Delete", text(AS, "ServerId", serverId))));
        Element deleteSeen = sync(b, contacts, keyB, null);
        assertEquals(serverId, commands(deleteSeen, "Delete").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow());
        assertEquals("8", responses(sync(b, contacts, key(deleteSeen), null, change(serverId, text(C, "FirstName", "Ghost"))), "Change")
                .get(0).childText(Tag.of(AS, "Status")).orElseThrow(), "a deleted item is not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void aTaskMadeOnOneDeviceIsIdenticalOnTheOtherThenChangedAndDeletedBothWays(String version) {
        String T = "Tasks:";
        String login = "v" + version.replace(".", "");
        EasClient a = device(login, login + "-task-a", version);
        EasClient b = device(login, login + "-task-b", version);
        String tasks = collection(a, "Tasks");
        String keyA = key(sync(a, tasks, "0", null));
        String keyB = key(sync(b, tasks, "0", null));
        Element added = sync(a, tasks, keyA, null, el(AS, "Add", text(AS, "ClientId", "t1"), el(AS, "ApplicationData",
                text(T, "Subject", "Water the plants"), text(T, "UtcDueDate", "2026-12-01T17:00:00.000Z"),
                text(T, "DueDate", "2026-12-01T18:00:00.000Z"), text(T, "Importance", "2"), text(T, "Complete", "0"),
                text(T, "ReminderSet", "1"), text(T, "ReminderTime", "2026-12-01T16:00:00.000Z"),
                el(T, "Categories", text(T, "Category", "Home")),
                el(T, "Recurrence", text(T, "Type", "1"), text(T, "Start", "2026-11-24T00:00:00.000Z"), text(T, "Interval", "1"),
                        text(T, "DayOfWeek", "8")))));
        String serverId = responses(added, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        keyA = key(added);
        Element seen = sync(b, tasks, keyB, null);
        Element task = commands(seen, "Add").get(0).child(Tag.of(AS, "ApplicationData")).orElseThrow();
        assertEquals("Water the plants", task.childText(Tag.of(T, "Subject")).orElseThrow());
        assertEquals("2026-12-01T17:00:00.000Z", task.childText(Tag.of(T, "UtcDueDate")).orElseThrow());
        assertEquals("2026-12-01T16:00:00.000Z", task.childText(Tag.of(T, "ReminderTime")).orElseThrow());
        assertEquals("Home", task.child(Tag.of(T, "Categories")).orElseThrow().childText(Tag.of(T, "Category")).orElseThrow());
        assertEquals("8", task.child(Tag.of(T, "Recurrence")).orElseThrow().childText(Tag.of(T, "DayOfWeek")).orElseThrow());
        keyB = key(seen);

        keyB = key(sync(b, tasks, keyB, null, el(AS, "Change", text(AS, "ServerId", serverId), el(AS, "ApplicationData",
                text(T, "Subject", "Water the plants"), text(T, "Complete", "1"), text(T, "DateCompleted", "2026-11-30T10:00:00.000Z")))));
        Element changeSeen = sync(a, tasks, keyA, null);
        Element changed = commands(changeSeen, "Change").get(0).child(Tag.of(AS, "ApplicationData")).orElseThrow();
        assertEquals("1", changed.childText(Tag.of(T, "Complete")).orElseThrow());
        assertEquals("2026-11-30T10:00:00.000Z", changed.childText(Tag.of(T, "DateCompleted")).orElseThrow());
        keyA = key(sync(a, tasks, key(changeSeen), null, el(AS, "Change", text(AS, "ServerId", serverId), el(AS, "ApplicationData",
                text(T, "Subject", "Water the big plants"), text(T, "Complete", "1")))));
        Element back = sync(b, tasks, keyB, null);
        assertEquals("Water the big plants", commands(back, "Change").get(0).child(Tag.of(AS, "ApplicationData")).orElseThrow()
                .childText(Tag.of(T, "Subject")).orElseThrow(), "and the other way");
        keyB = key(back);
        keyA = key(sync(a, tasks, keyA, null, el(AS, "Delete", text(AS, "ServerId", serverId))));
        Element deleted = sync(b, tasks, keyB, null);
        assertEquals(serverId, commands(deleted, "Delete").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow());
        keyB = key(deleted);
        // and a task deleted on B goes from A
        Element other = sync(b, tasks, keyB, null, el(AS, "Add", text(AS, "ClientId", "t2"), el(AS, "ApplicationData", text(T, "Subject", "Call"))));
        String otherId = responses(other, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        Element onA = sync(a, tasks, keyA, null);
        assertEquals(otherId, commands(onA, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow());
        sync(b, tasks, key(other), null, el(AS, "Delete", text(AS, "ServerId", otherId)));
        assertEquals(otherId, commands(sync(a, tasks, key(onA), null), "Delete").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow());
    }

    /** EAS 2.5 carries the note in Contacts Body; 14.1 in AirSyncBase Body: one note for both. */
    @Test
    void aNoteWrittenAt25ReachesA141DeviceAndBack() {
        EasClient old = device("replay", "old-25", "2.5");
        EasClient modern = device("replay", "modern-141", "14.1");
        String contacts = collection(old, "Contacts");
        String oldKey = key(sync(old, contacts, "0", null));
        String modernKey = key(sync(modern, contacts, "0", null));
        Element added = sync(old, contacts, oldKey, null, add("n1", text(C, "FirstName", "Nokia"), text(C, "Body", "Met at the 2005 fair")));
        String serverId = responses(added, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        Element seen = commands(sync(modern, contacts, modernKey, null), "Add").stream()
                .filter(c -> serverId.equals(c.childText(Tag.of(AS, "ServerId")).orElse(null))).findFirst().orElseThrow();
        assertEquals("Met at the 2005 fair", seen.child(Tag.of(AS, "ApplicationData")).orElseThrow().child(Tag.of("AirSyncBase:", "Body"))
                .orElseThrow().childText(Tag.of("AirSyncBase:", "Data")).orElseThrow());
    }

    @Test
    void aRepeatedKeyGetsTheSameAnswerWithoutDuplicates() {
        EasClient a = device("replay", "replay-a", "14.1");
        String contacts = collection(a, "Contacts");
        String key = key(sync(a, contacts, "0", null));
        Element first = sync(a, contacts, key, null, add("r1", text(C, "FirstName", "Once")));
        Element again = sync(a, contacts, key, null, add("r1", text(C, "FirstName", "Once"))); // the first answer was lost
        assertEquals(key(first), key(again));
        assertEquals(responses(first, "Add").get(0).childText(Tag.of(AS, "ServerId")), responses(again, "Add").get(0).childText(Tag.of(AS, "ServerId")));

        EasClient b = device("replay", "replay-b", "14.1");
        String keyB = key(sync(b, contacts, "0", null));
        Element all = sync(b, contacts, keyB, null);
        assertEquals(1, commands(all, "Add").size(), "added once");
        Element repeated = sync(b, contacts, keyB, null);
        assertEquals(commands(all, "Add"), commands(repeated, "Add"), "the previous key returns identical content");
        assertEquals(key(all), key(repeated));
        assertEquals("3", status(sync(b, contacts, "99999", null)), "a key never issued");
    }

    @Test
    void aThousandContactsArriveExactlyOnceInWindowsOfAHundred() {
        EasClient writer = device("window", "window-w", "16.1");
        String contacts = collection(writer, "Contacts");
        String key = key(sync(writer, contacts, "0", null));
        for (int batch = 0; batch < 10; batch++) {
            Element[] adds = new Element[100];
            for (int i = 0; i < 100; i++) {
                int n = batch * 100 + i;
                adds[i] = add("w" + n, text(C, "FirstName", "Contact"), text(C, "LastName", String.format("%04d", n)));
            }
            key = key(sync(writer, contacts, key, null, adds));
        }
        EasClient reader = device("window", "window-r", "14.1");
        String readerKey = key(sync(reader, contacts, "0", null));
        Set<String> seen = new HashSet<>();
        int rounds = 0;
        boolean more = true;
        while (more) {
            Element page = sync(reader, contacts, readerKey, 100);
            List<Element> adds = commands(page, "Add");
            assertTrue(adds.size() <= 100);
            for (Element add : adds) {
                assertTrue(seen.add(add.childText(Tag.of(AS, "ServerId")).orElseThrow()), "each contact once");
            }
            more = page.child(Tag.of(AS, "MoreAvailable")).isPresent();
            readerKey = key(page);
            assertTrue(++rounds <= 11);
        }
        assertEquals(1000, seen.size());
        assertTrue(commands(sync(reader, contacts, readerKey, 100), "Add").isEmpty());
        assertEquals("0", estimate(reader, contacts, readerKey));
        String writerKey = key(sync(writer, contacts, key, null, add("w-extra", text(C, "FirstName", "One more"))));
        assertEquals("1", estimate(reader, contacts, readerKey));
        assertEquals("0", estimate(writer, contacts, writerKey), "the writer's own add is not an estimate for it");
    }

    static String estimate(EasClient device, String collectionId, String key) {
        String ns = "GetItemEstimate:";
        EasClient.Answer answer = device.post("GetItemEstimate", el(ns, "GetItemEstimate", el(ns, "Collections",
                el(ns, "Collection", text(AS, "SyncKey", key), text(ns, "CollectionId", collectionId)))));
        Element response = answer.root().child(Tag.of(ns, "Response")).orElseThrow();
        assertEquals("1", response.childText(Tag.of(ns, "Status")).orElseThrow());
        return response.child(Tag.of(ns, "Collection")).orElseThrow().childText(Tag.of(ns, "Estimate")).orElseThrow();
    }

    @Test
    void aReadOnlyShareRefusesAndRestoresAReadWriteShareReachesTheOwner() {
        EasClient owner = device("owner", "owner-1", "14.1");
        String contacts = collection(owner, "Contacts");
        String ownerKey = key(sync(owner, contacts, "0", null));
        Element added = sync(owner, contacts, ownerKey, null, add("o1", text(C, "FirstName", "Shared"), text(C, "LastName", "Person")));
        String serverId = responses(added, "Add").get(0).childText(Tag.of(AS, "ServerId")).orElseThrow();
        ownerKey = key(added);

        JsonObject folder = Api.array(api.asMaster("GET", "api/admin/contexts/sync.test/users/owner/folders", null)).stream()
                .map(JsonObject.class::cast).filter(f -> f.getString("type").equals("contacts")).findFirst().orElseThrow();
        String share = "api/admin/contexts/sync.test/users/owner/folders/" + folder.getInt("id") + "/shares/reader";
        assertEquals(200, api.asMaster("PUT", share, "{\"writable\":false}").statusCode());

        EasClient reader = device("reader", "reader-1", "14.1");
        String shared = collection(reader, "Contacts (User owner)");
        String readerKey = key(sync(reader, shared, "0", null));
        Element got = sync(reader, shared, readerKey, null);
        assertEquals("Person", data(commands(got, "Add").get(0), "LastName"));
        readerKey = key(got);

        Element refused = sync(reader, shared, readerKey, null, change(serverId, text(C, "FirstName", "Shared"), text(C, "LastName", "Vandal")));
        assertEquals("7", responses(refused, "Change").get(0).childText(Tag.of(AS, "Status")).orElseThrow());
        assertEquals("Person", data(commands(refused, "Change").get(0), "LastName"), "the server's version restores the phone's copy");
        readerKey = key(refused);
        assertTrue(commands(sync(reader, shared, readerKey, null), "Change").isEmpty(), "and nothing more: no loop");
        assertTrue(commands(sync(owner, contacts, ownerKey, null), "Change").isEmpty(), "the owner's contact is untouched");

        assertEquals(200, api.asMaster("PUT", share, "{\"writable\":true}").statusCode());
        Element accepted = sync(reader, shared, readerKey, null, change(serverId, text(C, "FirstName", "Shared"), text(C, "LastName", "Renamed")));
        assertTrue(responses(accepted, "Change").isEmpty(), "a successful change needs no response");
        Element ownerSees = sync(owner, contacts, ownerKey, null);
        assertEquals("Renamed", data(commands(ownerSees, "Change").get(0), "LastName"));
    }
}
