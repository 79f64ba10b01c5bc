package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.SyncIT.AS;
import static org.syncbridge.it.SyncIT.add;
import static org.syncbridge.it.SyncIT.key;
import static org.syncbridge.it.SyncIT.sync;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** Ping parked in the push hub: woken by a change, ended by its heartbeat or a newer request, refused out of bounds. */
class PushIT extends ServerIT {
    static final String P = "Ping:";
    static final String C = "Contacts:";
    static final String PASSWORD = "Push-pw-1";

    @BeforeEach
    void contextExists() {
        usersExist("push.test", ",\"sharedFolderDeviceTypes\":[\"*\"]", PASSWORD, "pia", "paul", "pete");
    }

    EasClient device(String login, String deviceId) {
        return phone(login + "@push.test", PASSWORD, deviceId, "Android", "14.1");
    }

    static Element ping(String heartbeat, String... folders) {
        List<Element> parts = new ArrayList<>();
        if (heartbeat != null) {
            parts.add(text(P, "HeartbeatInterval", heartbeat));
        }
        if (folders.length > 0) {
            List<Element> list = new ArrayList<>();
            for (String id : folders) {
                list.add(el(P, "Folder", text(P, "Id", id), text(P, "Class", "Contacts")));
            }
            parts.add(el(P, "Folders", list.toArray(Element[]::new)));
        }
        return el(P, "Ping", parts.toArray(Element[]::new));
    }

    static CompletableFuture<Element> parked(EasClient device, Element ping) {
        return CompletableFuture.supplyAsync(() -> {
            EasClient.Answer answer = device.post("Ping", ping);
            assertEquals(200, answer.status());
            return answer.root();
        });
    }

    static String status(Element ping) {
        return ping.childText(Tag.of(P, "Status")).orElseThrow();
    }

    static List<String> folders(Element ping) {
        return ping.child(Tag.of(P, "Folders")).map(f -> f.children(Tag.of(P, "Folder")).stream().map(Element::text).toList())
                .orElse(List.of());
    }

    /** Waits until the request has certainly reached the server and parked. */
    static void letItPark() throws InterruptedException {
        Thread.sleep(700);
    }

    @Test
    void aPingIsWokenWithinASecondByAContactAddedOnAnotherDevice() throws Exception {
        EasClient phone = device("pia", "pia-phone");
        EasClient tablet = device("pia", "pia-tablet");
        String contacts = SyncIT.collection(phone, "Contacts");
        String phoneKey = key(sync(phone, contacts, "0", null));
        phoneKey = key(sync(phone, contacts, phoneKey, null));
        String tabletKey = key(sync(tablet, contacts, "0", null));

        CompletableFuture<Element> waiting = parked(phone, ping("300", contacts));
        letItPark();
        assertFalse(waiting.isDone(), "parked while nothing changes");
        sync(tablet, contacts, tabletKey, null, add("p1", text(C, "FirstName", "Pushed")));
        long committed = System.nanoTime();
        Element woken = waiting.get(5, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed);
        assertEquals("2", status(woken));
        assertEquals(List.of(contacts), folders(woken));
        assertTrue(millis < 1000, "woken " + millis + " ms after the change");

        // not synced yet: a new Ping answers at once; after the Sync, an empty Ping repeats the last and parks
        assertEquals("2", status(parked(phone, ping("300", contacts)).get(5, TimeUnit.SECONDS)));
        sync(phone, contacts, phoneKey, null);
        CompletableFuture<Element> empty = CompletableFuture.supplyAsync(() -> phone.post("Ping", (Element) null).root());
        letItPark();
        assertFalse(empty.isDone(), "an empty Ping repeats the last one and waits");
        sync(tablet, contacts, key(sync(tablet, contacts, tabletKey, null)), null, add("p2", text(C, "FirstName", "Again")));
        assertEquals(List.of(contacts), folders(empty.get(5, TimeUnit.SECONDS)));
    }

    /**
     * More Pings wait than the JMS pool has connections (20 by default): a parked request holds none, so the
     * server still answers at once, and one change wakes them all.
     */
    @Test
    void aNodeHoldsMoreParkedPingsThanItsJmsPoolHasConnections() throws Exception {
        int count = 25;
        EasClient tablet = device("pete", "pete-tablet");
        String contacts = SyncIT.collection(tablet, "Contacts");
        String tabletKey = key(sync(tablet, contacts, key(sync(tablet, contacts, "0", null)), null));
        List<EasClient> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EasClient phone = device("pete", "pete-phone-" + i);
            sync(phone, contacts, "0", null);
            phones.add(phone);
        }
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Future<Element>> waiting = new ArrayList<>();
            for (EasClient phone : phones) {
                waiting.add(clients.submit(() -> phone.post("Ping", ping("300", contacts)).root()));
            }
            Thread.sleep(2000);
            assertTrue(waiting.stream().noneMatch(Future::isDone), "all parked");
            long start = System.nanoTime();
            sync(tablet, contacts, tabletKey, null, add("many", text(C, "FirstName", "Everyone")));
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 5000, "the writer was answered at once");
            for (Future<Element> ping : waiting) {
                Element woken = ping.get(10, TimeUnit.SECONDS);
                assertEquals("2", status(woken));
                assertEquals(List.of(contacts), folders(woken));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theHeartbeatEndsAPingAndANewerRequestOfTheDeviceEndsTheOlder() throws Exception {
        EasClient phone = device("paul", "paul-phone");
        String contacts = SyncIT.collection(phone, "Contacts");
        sync(phone, contacts, "0", null);
        long start = System.nanoTime();
        assertEquals("1", status(parked(phone, ping("2", contacts)).get(10, TimeUnit.SECONDS)), "nothing changed in time");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 1900);

        CompletableFuture<Element> older = parked(phone, ping("300", contacts));
        letItPark();
        CompletableFuture<Element> newer = parked(phone, ping("300", contacts));
        assertEquals("1", status(older.get(5, TimeUnit.SECONDS)), "the older Ping ends at once");
        assertFalse(newer.isDone());
        sync(phone, contacts, "0", null); // a Sync of the device ends its Ping too
        assertEquals("1", status(newer.get(5, TimeUnit.SECONDS)));
    }

    static Element waitingSync(String collectionId, String key, String heartbeat) {
        return el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", text(AS, "SyncKey", key),
                text(AS, "CollectionId", collectionId))), text(AS, "HeartbeatInterval", heartbeat));
    }

    @Test
    void aSyncWithHeartbeatIntervalWaitsForTheChangeAndReturnsIt() throws Exception {
        EasClient phone = device("pia", "pia-wait");
        EasClient tablet = device("pia", "pia-wait-tablet");
        String contacts = SyncIT.collection(phone, "Contacts");
        String key = key(sync(phone, contacts, "0", null));
        key = key(sync(phone, contacts, key, null));
        String tabletKey = key(sync(tablet, contacts, "0", null));
        tabletKey = key(sync(tablet, contacts, tabletKey, null));
        String waitKey = key;
        CompletableFuture<EasClient.Answer> waiting = CompletableFuture.supplyAsync(() -> phone.post("Sync", waitingSync(contacts, waitKey, "300")));
        letItPark();
        assertFalse(waiting.isDone(), "nothing to say yet: it waits");
        sync(tablet, contacts, tabletKey, null, add("w1", text(C, "FirstName", "Waited for")));
        long committed = System.nanoTime();
        EasClient.Answer answer = waiting.get(5, TimeUnit.SECONDS);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed) < 1000);
        Element collection = answer.root().child(Tag.of(AS, "Collections")).orElseThrow().child(Tag.of(AS, "Collection")).orElseThrow();
        assertEquals("Waited for", SyncIT.data(SyncIT.commands(collection, "Add").get(0), "FirstName"));
        String next = key(collection);

        long start = System.nanoTime();
        EasClient.Answer expired = phone.post("Sync", waitingSync(contacts, next, "2"));
        assertEquals(200, expired.status());
        assertTrue(expired.body().isEmpty(), "nothing changed in time: an empty answer");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) >= 1900);
        Element tooShort = phone.post("Sync", waitingSync(contacts, next, "1")).root();
        assertEquals(List.of("14", "2"), List.of(tooShort.childText(Tag.of(AS, "Status")).orElseThrow(),
                tooShort.childText(Tag.of(AS, "Limit")).orElseThrow()));
    }

    @Test
    void outOfBoundsPingsGetTheirLimits() {
        EasClient phone = device("paul", "paul-bounds");
        String contacts = SyncIT.collection(phone, "Contacts");
        Element tooShort = phone.post("Ping", ping("1", contacts)).root();
        assertEquals(List.of("5", "2"), List.of(status(tooShort), tooShort.childText(Tag.of(P, "HeartbeatInterval")).orElseThrow()));
        Element tooLong = phone.post("Ping", ping("4000", contacts)).root();
        assertEquals(List.of("5", "3540"), List.of(status(tooLong), tooLong.childText(Tag.of(P, "HeartbeatInterval")).orElseThrow()));
        String[] many = new String[301];
        java.util.Arrays.fill(many, contacts);
        Element tooMany = phone.post("Ping", ping("300", many)).root();
        assertEquals(List.of("6", "300"), List.of(status(tooMany), tooMany.childText(Tag.of(P, "MaxFolders")).orElseThrow()));
        assertEquals("3", status(device("paul", "paul-fresh").post("Ping", (Element) null).root()), "nothing to repeat");
        assertEquals("7", status(phone.post("Ping", ping("300", "999999")).root()), "an unknown folder: sync the hierarchy");
    }

    /** A wipe request ends the parked Ping at once; the device's next Ping meets the wipe (Status 140 from 14.0). */
    @Test
    void aWipeRequestEndsTheParkedPingAndTheNextPingMeetsIt() throws Exception {
        EasClient phone = device("paul", "paul-wipe");
        String contacts = SyncIT.collection(phone, "Contacts");
        sync(phone, contacts, "0", null);
        CompletableFuture<Element> waiting = parked(phone, ping("300", contacts));
        letItPark();
        assertEquals(200, api.asMaster("POST", "api/admin/contexts/push.test/users/paul/devices/paul-wipe/wipe", "{}").statusCode());
        assertEquals("1", status(waiting.get(5, TimeUnit.SECONDS)), "ended at once");
        assertEquals("140", status(phone.post("Ping", ping("300", contacts)).root()), "the next Ping is told to provision and wipe");
    }

    @Test
    void aFolderSharedWithTheUserWakesThePingWithHierarchyChanged() throws Exception {
        EasClient phone = device("paul", "paul-share");
        String contacts = SyncIT.collection(phone, "Contacts");
        sync(phone, contacts, "0", null);
        CompletableFuture<Element> waiting = parked(phone, ping("300", contacts));
        letItPark();
        JsonObject folder = Api.array(api.asMaster("GET", "api/admin/contexts/push.test/users/pia/folders", null)).stream()
                .map(JsonObject.class::cast).filter(f -> f.getString("type").equals("tasks")).findFirst().orElseThrow();
        assertEquals(200, api.asMaster("PUT", "api/admin/contexts/push.test/users/pia/folders/" + folder.getInt("id") + "/shares/paul",
                "{\"writable\":false}").statusCode());
        assertEquals("7", status(waiting.get(5, TimeUnit.SECONDS)));
    }
}
