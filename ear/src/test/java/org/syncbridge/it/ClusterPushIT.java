package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.PushIT.folders;
import static org.syncbridge.it.PushIT.letItPark;
import static org.syncbridge.it.PushIT.parked;
import static org.syncbridge.it.PushIT.ping;
import static org.syncbridge.it.PushIT.status;
import static org.syncbridge.it.SyncIT.C;
import static org.syncbridge.it.SyncIT.add;
import static org.syncbridge.it.SyncIT.commands;
import static org.syncbridge.it.SyncIT.key;
import static org.syncbridge.it.SyncIT.sync;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Issue 5's cluster acceptance: two WildFly nodes share the PostgreSQL database and, through an external
 * Artemis broker, the change topic (TestCluster); a change committed on one node wakes a Ping parked on
 * the other. Nothing else joins the two JVMs, so a wake across them can only travel through the broker.
 * Runs in failsafe's "cluster" execution (tag "cluster"), which starts and stops all of it.
 */
@Tag("cluster")
class ClusterPushIT {
    static final String PASSWORD = "Cluster-pw-1";

    static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        TestMail.server();
        cluster = TestCluster.start();
        Api admin = new Api(cluster.a.http());
        assertEquals(201, admin.asMaster("POST", "api/admin/contexts", "{\"name\":\"cluster.test\",\"sharedFolderDeviceTypes\":[\"*\"]}")
                .statusCode());
        for (String login : List.of("carla", "dirk", "erik")) {
            assertEquals(201, admin.asMaster("POST", "api/admin/contexts/cluster.test/users",
                    "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"User " + login + "\"}").statusCode());
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A provisioned phone of {@code login} that talks to {@code node} only. */
    static EasClient device(ClusterNode node, String login, String deviceId) {
        EasClient device = new EasClient(node.https(), login + "@cluster.test", PASSWORD, deviceId, "Android", "14.1");
        device.provision();
        device.hierarchy = ActiveSyncIT.adds(device.folderSync("0"));
        return device;
    }

    @Test
    void aContactAddedThroughNodeAWakesAPingParkedOnNodeB() throws Exception {
        aContactWakesAcross(cluster.a, cluster.b, "carla");
    }

    @Test
    void aContactAddedThroughNodeBWakesAPingParkedOnNodeA() throws Exception {
        aContactWakesAcross(cluster.b, cluster.a, "dirk");
    }

    /** A phone on {@code waiting} Pings its contacts; a tablet on {@code writing} adds one; the Ping answers within 1 s. */
    private static void aContactWakesAcross(ClusterNode writing, ClusterNode waiting, String login) throws Exception {
        EasClient phone = device(waiting, login, login + "-phone-" + waiting.name);
        EasClient tablet = device(writing, login, login + "-tablet-" + writing.name);
        String contacts = SyncIT.collection(phone, "Contacts");
        String phoneKey = key(sync(phone, contacts, "0", null));
        phoneKey = key(sync(phone, contacts, phoneKey, null));
        String tabletKey = key(sync(tablet, contacts, "0", null));

        CompletableFuture<Element> ping = parked(phone, ping("300", contacts));
        letItPark();
        assertFalse(ping.isDone(), "parked on " + waiting.name + " while nothing changes");
        String name = "Written on " + writing.name;
        assertEquals("1", SyncIT.status(sync(tablet, contacts, tabletKey, null, add("c1", text(C, "FirstName", name)))));
        long committed = System.nanoTime();
        Element woken = answer(ping, waiting, "the contact added on " + writing.name);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed);
        assertEquals("2", status(woken));
        assertEquals(List.of(contacts), folders(woken));
        assertTrue(millis < 1000, "woken on " + waiting.name + " " + millis + " ms after the commit on " + writing.name);

        // the phone's own node serves the new contact from the shared database
        Element update = sync(phone, contacts, phoneKey, null);
        assertEquals(List.of(name), commands(update, "Add").stream().map(a -> SyncIT.data(a, "FirstName")).toList());
    }

    /** The Ping's answer, which a change on the other node must bring within seconds. */
    private static Element answer(CompletableFuture<Element> ping, ClusterNode node, String change) throws Exception {
        try {
            return ping.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("The Ping parked on " + node.name + " was not woken by " + change
                    + ": the change notice did not reach " + node.name + " through the broker", e);
        }
    }

    @Test
    void aFolderSharedThroughNodeAsAdminApiWakesAPingOnNodeBWithHierarchyChanged() throws Exception {
        EasClient phone = device(cluster.b, "erik", "erik-phone-" + cluster.b.name);
        String contacts = SyncIT.collection(phone, "Contacts");
        sync(phone, contacts, "0", null);
        CompletableFuture<Element> ping = parked(phone, ping("300", contacts));
        letItPark();
        assertFalse(ping.isDone(), "parked on " + cluster.b.name + " while nothing changes");

        Api admin = new Api(cluster.a.http());
        JsonObject folder = Api.array(admin.asMaster("GET", "api/admin/contexts/cluster.test/users/carla/folders", null)).stream()
                .map(JsonObject.class::cast).filter(f -> f.getString("type").equals("tasks")).findFirst().orElseThrow();
        assertEquals(200, admin.asMaster("PUT", "api/admin/contexts/cluster.test/users/carla/folders/" + folder.getInt("id")
                + "/shares/erik", "{\"writable\":false}").statusCode());
        long committed = System.nanoTime();
        assertEquals("7", status(answer(ping, cluster.b, "the share on " + cluster.a.name)));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - committed);
        assertTrue(millis < 1000, "woken on " + cluster.b.name + " " + millis + " ms after the share on " + cluster.a.name);
    }

    /** A device whose next Ping lands on the other node (a load balancer's choice) ends its Ping parked on the first. */
    @Test
    void aPingOfTheDeviceOnNodeAEndsItsPingParkedOnNodeB() throws Exception {
        EasClient onB = device(cluster.b, "erik", "erik-roaming");
        String contacts = SyncIT.collection(onB, "Contacts");
        sync(onB, contacts, "0", null);
        CompletableFuture<Element> first = parked(onB, ping("300", contacts));
        letItPark();
        EasClient onA = new EasClient(cluster.a.https(), "erik@cluster.test", PASSWORD, "erik-roaming", "Android", "14.1");
        onA.policyKey = onB.policyKey;
        CompletableFuture<Element> second = parked(onA, ping("300", contacts));
        long sent = System.nanoTime();
        assertEquals("1", status(answer(first, cluster.b, "the same device's Ping on " + cluster.a.name)));
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) < 2000);
        letItPark();
        assertFalse(second.isDone(), "the newer Ping stays parked on " + cluster.a.name);
        sync(onA, contacts, "0", null); // and a Sync of the device on A ends that one, as on one node
        assertEquals("1", status(second.get(5, TimeUnit.SECONDS)));
    }
}
