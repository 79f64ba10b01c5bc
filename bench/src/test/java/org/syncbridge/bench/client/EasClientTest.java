package org.syncbridge.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.bench.client.Wbxml.el;
import static org.syncbridge.bench.client.Wbxml.text;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

class EasClientTest {
    static final String AS = "AirSync:";

    private static EasClient phone(FakeEasServer server) throws Exception {
        Transport transport = Transport.loopback(server.base(), FakeEasServer.certificate("server"), Duration.ofSeconds(10));
        return new EasClient(transport, "anna@bench.test", "pw", "dev1", "Android", "14.1");
    }

    @Test
    void provisioningAcknowledgesTheTemporaryKeyAndThenSendsTheFinalOne() throws Exception {
        try (FakeEasServer server = new FakeEasServer(request -> {
            boolean acknowledging = Wbxml.path(request, "Provision:", "Policies", "Policy", "PolicyKey").isPresent();
            return el("Provision:", "Provision", text("Provision:", "Status", "1"), el("Provision:", "Policies", el("Provision:", "Policy",
                    text("Provision:", "PolicyType", "MS-EAS-Provisioning-WBXML"), text("Provision:", "Status", "1"),
                    text("Provision:", "PolicyKey", acknowledging ? "2002" : "1001"))));
        })) {
            EasClient phone = phone(server);
            phone.provision();
            assertEquals("1001", Wbxml.path(server.body, "Provision:", "Policies", "Policy", "PolicyKey").orElseThrow().text());
            assertEquals("1001", server.policyKeyHeader, "the acknowledgement carries the temporary key");
            phone.post("Ping", el("Ping:", "Ping"));
            assertEquals("2002", server.policyKeyHeader);
            assertEquals("Cmd=Ping&User=anna%40bench.test&DeviceId=dev1&DeviceType=Android", server.query);
            assertEquals("14.1", server.versionHeader);
            assertEquals("Basic YW5uYUBiZW5jaC50ZXN0OnB3", server.authorization);
        }
    }

    @Test
    void aSyncSendsThePhonesCommandsAndReadsTheAnswer() throws Exception {
        Element answer = el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", text(AS, "SyncKey", "8"),
                text(AS, "CollectionId", "17"), text(AS, "Status", "1"),
                el(AS, "Responses", el(AS, "Add", text(AS, "ClientId", "c1"), text(AS, "ServerId", "501"), text(AS, "Status", "1"))),
                Wbxml.empty(AS, "MoreAvailable"),
                el(AS, "Commands", el(AS, "Add", text(AS, "ServerId", "400"), el(AS, "ApplicationData", text("Contacts:", "LastName", "X"))),
                        el(AS, "Change", text(AS, "ServerId", "401"), el(AS, "ApplicationData")),
                        el(AS, "Delete", text(AS, "ServerId", "402"))))));
        try (FakeEasServer server = new FakeEasServer(request -> answer)) {
            SyncPage page = phone(server).sync(SyncCall.next("17", "7", 512)
                    .with(List.of(SyncCall.add("c1", List.of(text("Contacts:", "LastName", "New"))))));
            Element sent = Wbxml.path(server.body, AS, "Collections", "Collection").orElseThrow();
            assertEquals("7", sent.childText(Tag.of(AS, "SyncKey")).orElseThrow());
            assertEquals("512", sent.childText(Tag.of(AS, "WindowSize")).orElseThrow());
            assertTrue(sent.child(Tag.of(AS, "GetChanges")).isPresent());
            assertEquals("New", Wbxml.path(sent, AS, "Commands", "Add", "ApplicationData").orElseThrow()
                    .childText(Tag.of("Contacts:", "LastName")).orElseThrow());

            assertEquals("8", page.syncKey());
            assertTrue(page.moreAvailable());
            assertEquals(List.of("400"), page.adds().stream().map(SyncPage::serverId).toList());
            assertEquals(1, page.changes().size());
            assertEquals(1, page.deletes().size());
            assertEquals(Map.of("c1", "501"), page.addedServerIds());
            page.requireNoFailedCommands();
            assertTrue(page.bytes() > 0);
        }
    }

    @Test
    void theFirstSyncCarriesOnlyKeyAndCollection() {
        Element first = Wbxml.path(SyncCall.first("17").toWbxml(), AS, "Collections", "Collection").orElseThrow();
        assertEquals(List.of("SyncKey", "CollectionId"), first.children().stream().map(e -> e.tag().name()).toList());
    }

    @Test
    void aMailSyncAsksAsThePhonesDo() {
        Element c = Wbxml.path(SyncCall.nextMail("5", "3", 100, SyncCall.mailOptions(0, 2, 32768)).toWbxml(), AS, "Collections", "Collection")
                .orElseThrow();
        assertEquals(List.of("SyncKey", "CollectionId", "DeletesAsMoves", "GetChanges", "WindowSize", "Options"),
                c.children().stream().map(e -> e.tag().name()).toList());
        Element options = c.child(Tag.of(AS, "Options")).orElseThrow();
        assertEquals("0", options.childText(Tag.of(AS, "FilterType")).orElseThrow());
        Element preference = options.child(Tag.of("AirSyncBase:", "BodyPreference")).orElseThrow();
        assertEquals("2", preference.childText(Tag.of("AirSyncBase:", "Type")).orElseThrow());
        assertEquals("32768", preference.childText(Tag.of("AirSyncBase:", "TruncationSize")).orElseThrow());
    }

    @Test
    void refusalsAndErrorsStopThePhone() throws Exception {
        Element refusedAdd = el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", text(AS, "SyncKey", "2"), text(AS, "CollectionId", "17"),
                text(AS, "Status", "1"), el(AS, "Responses", el(AS, "Add", text(AS, "ClientId", "c1"), text(AS, "Status", "6")),
                        el(AS, "Change", text(AS, "ServerId", "9"), text(AS, "Status", "8"))))));
        try (FakeEasServer server = new FakeEasServer(request -> refusedAdd)) {
            SyncPage page = phone(server).sync(SyncCall.next("17", "1", 100));
            assertThrows(EasFailure.class, page::addedServerIds);
            assertThrows(EasFailure.class, page::requireNoFailedCommands);
            assertFalse(page.moreAvailable());
        }
        Element badKey = el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", text(AS, "SyncKey", "0"), text(AS, "CollectionId", "17"),
                text(AS, "Status", "3"))));
        try (FakeEasServer server = new FakeEasServer(request -> badKey)) {
            EasFailure failure = assertThrows(EasFailure.class, () -> phone(server).sync(SyncCall.next("17", "5", 100)));
            assertTrue(failure.getMessage().contains("status 3"), failure.getMessage());
        }
        try (FakeEasServer server = new FakeEasServer(request -> null)) {
            EasFailure failure = assertThrows(EasFailure.class, () -> phone(server).post("Sync", el(AS, "Sync")));
            assertTrue(failure.getMessage().contains("HTTP 500"), failure.getMessage());
            assertNull(server.policyKeyHeader, "no key before provisioning");
        }
    }
}
