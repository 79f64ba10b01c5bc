package org.syncbridge.bench.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.bench.client.Wbxml.el;
import static org.syncbridge.bench.client.Wbxml.text;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.syncbridge.bench.client.FakeEasServer;
import org.syncbridge.bench.client.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** The Netty phones against a scripted EAS server: the whole life of a parked Ping, and a user's devices waiting for its first login. */
class PingPhoneTest {
    static final String AS = "AirSync:";
    static final String P = "Ping:";

    /** A server as Syncbridge answers: provisioning, a hierarchy with contacts folder 17, Syncs, and Pings by {@code pingStatus}. */
    static Element answer(FakeEasServer.Request r, AtomicInteger pings) {
        return switch (r.command()) {
            case "Provision" -> el("Provision:", "Provision", text("Provision:", "Status", "1"), el("Provision:", "Policies",
                    el("Provision:", "Policy", text("Provision:", "PolicyType", "MS-EAS-Provisioning-WBXML"), text("Provision:", "Status", "1"),
                            text("Provision:", "PolicyKey", r.policyKey() == null ? "111" : "222"))));
            case "FolderSync" -> el("FolderHierarchy:", "FolderSync", text("FolderHierarchy:", "Status", "1"), text("FolderHierarchy:", "SyncKey", "1"),
                    el("FolderHierarchy:", "Changes", el("FolderHierarchy:", "Add", text("FolderHierarchy:", "ServerId", "5"),
                            text("FolderHierarchy:", "DisplayName", "Inbox"), text("FolderHierarchy:", "Type", "2")),
                            el("FolderHierarchy:", "Add", text("FolderHierarchy:", "ServerId", "17"),
                                    text("FolderHierarchy:", "DisplayName", "Contacts"), text("FolderHierarchy:", "Type", "9"))));
            case "Sync" -> {
                String key = Wbxml.path(r.body(), AS, "Collections", "Collection", "SyncKey").orElseThrow().text();
                List<Element> parts = new ArrayList<>(List.of(text(AS, "SyncKey", String.valueOf(Integer.parseInt(key) + 1)),
                        text(AS, "CollectionId", "17"), text(AS, "Status", "1")));
                if (pings.get() > 0) { // after a wake: the one change
                    parts.add(el(AS, "Commands", el(AS, "Add", text(AS, "ServerId", "17:1"), el(AS, "ApplicationData",
                            text("Contacts:", "LastName", "New")))));
                }
                yield el(AS, "Sync", el(AS, "Collections", Element.of(Tag.of(AS, "Collection"), parts)));
            }
            case "Ping" -> pings.incrementAndGet() == 1
                    ? el(P, "Ping", text(P, "Status", "2"), el(P, "Folders", text(P, "Folder", "17")))
                    : el(P, "Ping", text(P, "Status", "1"));
            default -> null;
        };
    }

    @Test
    void aPhoneSetsItselfUpParksIsWokenSyncsAndParksAgain() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        List<FakeEasServer.Request> seen = new CopyOnWriteArrayList<>();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try (FakeEasServer server = FakeEasServer.answering(r -> {
            seen.add(r);
            return answer(r, pings);
        }); EasConnections connections = new EasConnections(server.base(), InetAddress.getLoopbackAddress(), FakeEasServer.certificate("server"),
                List.of(InetAddress.getByName("127.0.0.2")), 1)) {
            Fleet fleet = new Fleet(connections, "14.1", 900, 4, lines::add);
            fleet.add(new PhoneSpec("anna@bench.test", "pw", "DEV1"));
            fleet.park();
            assertTrue(next(lines).startsWith("PARKED DEV1 "));
            assertEquals("DONE 1 0", next(lines));
            assertTrue(next(lines).startsWith("WOKE DEV1 "));
            assertEquals("REPARKED DEV1 1", next(lines), "the change was synced, then a new Ping sent");
            assertEquals("ENDED DEV1 the parked Ping answered status 1 []", next(lines));

            assertEquals(List.of("Provision", "Provision", "FolderSync", "Sync", "Sync", "Ping", "Sync", "Ping"),
                    seen.stream().map(FakeEasServer.Request::command).toList());
            assertEquals("222", seen.get(5).policyKey(), "the Ping carries the final policy key");
            assertEquals("900", Wbxml.path(seen.get(5).body(), P, "HeartbeatInterval").orElseThrow().text());
            assertEquals("17", Wbxml.path(seen.get(5).body(), P, "Folders", "Folder", "Id").orElseThrow().text());
            assertEquals("2", Wbxml.path(seen.get(6).body(), AS, "Collections", "Collection", "SyncKey").orElseThrow().text());
            assertTrue(seen.stream().allMatch(r -> r.from().getHostAddress().equals("127.0.0.2")), "connected from the chosen source address");
        }
    }

    @Test
    void aUsersOtherDevicesWaitUntilItsFirstIsSetUp() throws Exception {
        Map<String, Long> firstRequest = new ConcurrentHashMap<>();
        AtomicInteger pings = new AtomicInteger(-1_000); // no Ping answers Status 2 here
        long[] a1Parked = new long[1];
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try (FakeEasServer server = FakeEasServer.answering(r -> {
            firstRequest.putIfAbsent(r.deviceId(), System.nanoTime());
            if (r.deviceId().equals("A1") && r.command().equals("Provision") && r.policyKey() == null) {
                Thread.sleep(300); // a slow password check
            }
            if (r.deviceId().equals("A1") && r.command().equals("Ping")) {
                a1Parked[0] = System.nanoTime();
            }
            return r.command().equals("Ping") ? null : answer(r, pings);
        }); EasConnections connections = new EasConnections(server.base(), InetAddress.getLoopbackAddress(), FakeEasServer.certificate("server"),
                List.of(InetAddress.getByName("127.0.0.3")), 1)) {
            Fleet fleet = new Fleet(connections, "14.1", 900, 8, lines::add);
            fleet.add(new PhoneSpec("a@bench.test", "pw", "A1"));
            fleet.add(new PhoneSpec("a@bench.test", "pw", "A2"));
            fleet.add(new PhoneSpec("b@bench.test", "pw", "B1"));
            fleet.park();
            int ended = 0;
            String line;
            while (!(line = next(lines)).startsWith("DONE")) {
                ended += line.startsWith("ENDED ") ? 1 : 0; // this server answers a Ping with HTTP 500
            }
            assertEquals("DONE 3 0", line);
            while (ended < 3) {
                assertTrue(next(lines).startsWith("ENDED "));
                ended++;
            }
            assertTrue(firstRequest.get("A2") > a1Parked[0], "A2 started only after A1 was set up and parked");
            assertTrue(firstRequest.get("B1") < a1Parked[0], "another user's device did not wait");
        }
    }

    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(20, TimeUnit.SECONDS);
        assertNotNull(line, "no event within 20 s");
        return line;
    }
}
