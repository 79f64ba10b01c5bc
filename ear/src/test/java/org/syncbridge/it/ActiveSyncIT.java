package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.empty;
import static org.syncbridge.it.EasClient.text;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** A phone's first contact and its folder tree, over HTTP with WBXML: provisioning, settings, folders. */
class ActiveSyncIT extends ServerIT {
    static final String FH = "FolderHierarchy:";
    static final String PASSWORD = "Pat-pw-1";

    @BeforeEach
    void userExists() {
        if (api.asMaster("GET", "api/admin/contexts/eas.test", null).statusCode() == 404) {
            assertEquals(201, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"eas.test\"}").statusCode());
            for (String login : List.of("pat", "wipe", "policy", "block", "sub", "anna")) {
                assertEquals(201, api.asMaster("POST", "api/admin/contexts/eas.test/users", "{\"login\":\"" + login
                        + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Pat Example\",\"primaryEmail\":\""
                        + login + "@eas.test\",\"aliases\":[\"" + login + ".alias@eas.test\"]}").statusCode());
            }
        }
    }

    EasClient phone(String login, String deviceId, String version) {
        return new EasClient(EasClient.https(), login + "@eas.test", PASSWORD, deviceId, "SmartPhone", version);
    }

    /** The folders of a FolderSync answer's Adds, by display name. */
    static Map<String, Element> adds(EasClient.Answer answer) {
        return answer.root().child(Tag.of(FH, "Changes")).orElseThrow().children(Tag.of(FH, "Add")).stream()
                .collect(Collectors.toMap(a -> a.childText(Tag.of(FH, "DisplayName")).orElseThrow(), a -> a, (a, b) -> a));
    }

    static String field(Element folder, String name) {
        return folder.childText(Tag.of(FH, name)).orElseThrow();
    }

    static List<Element> changes(EasClient.Answer answer, String kind) {
        return answer.root().child(Tag.of(FH, "Changes")).map(c -> c.children(Tag.of(FH, kind))).orElse(List.of());
    }

    @Test
    void optionsAdvertiseEveryVersionAndTheImplementedCommands() {
        HttpResponse<byte[]> options = phone("pat", "opt-1", "14.1").options();
        assertEquals(200, options.statusCode());
        assertEquals("2.5,12.0,12.1,14.0,14.1,16.0,16.1", options.headers().firstValue("MS-ASProtocolVersions").orElseThrow());
        List<String> commands = List.of(options.headers().firstValue("MS-ASProtocolCommands").orElseThrow().split(","));
        assertTrue(commands.containsAll(List.of("Provision", "Settings", "FolderSync", "FolderCreate", "FolderUpdate", "FolderDelete", "Sync",
                "Ping", "GetItemEstimate", "MoveItems", "ItemOperations", "Search", "ResolveRecipients", "SendMail", "SmartReply",
                "SmartForward", "MeetingResponse")), commands.toString());
        assertFalse(commands.contains("ValidateCert"), "a command that is not built is not advertised");
        assertTrue(options.headers().firstValue("MS-Server-ActiveSync").isPresent());
    }

    @Test
    void anUnprovisionedDeviceIsSentToProvisionFirst() {
        EasClient modern = phone("pat", "unprov-141", "14.1");
        assertEquals("142", modern.folderSync("0").text(FH, "Status"));
        EasClient old = phone("pat", "unprov-121", "12.1");
        assertEquals(449, old.folderSync("0").status());
        old.provision();
        assertEquals("1", old.folderSync("0").text(FH, "Status"));
    }

    @Test
    void provisioningThenFolderSyncFromZeroShowsTheWholeTree() {
        EasClient device = phone("pat", "tree-1", "14.1");
        device.provision();
        EasClient.Answer sync = device.folderSync("0");
        assertEquals("1", sync.text(FH, "Status"));
        Map<String, Element> folders = adds(sync);
        Map<String, String> types = folders.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> field(e.getValue(), "Type")));
        assertEquals("2", types.get("Inbox"));
        assertEquals("3", types.get("Drafts"));
        assertEquals("4", types.get("Trash"));
        assertEquals("5", types.get("Sent"));
        assertEquals("6", types.get("Outbox"));
        assertEquals("9", types.get("Contacts"));
        assertEquals("8", types.get("Calendar"));
        assertEquals("7", types.get("Tasks"));
        assertEquals(folders.size(), Integer.parseInt(sync.text(FH, "Changes", "Count")));

        String key = sync.text(FH, "SyncKey");
        EasClient.Answer again = device.folderSync(key);
        assertEquals(key, again.text(FH, "SyncKey"), "nothing changed: the key stays");
        assertEquals("0", again.text(FH, "Changes", "Count"));
    }

    @Test
    void aRepeatedPreviousKeyIsAnsweredAgainAndANeverIssuedKeyGetsStatus9() {
        EasClient device = phone("pat", "replay-1", "14.1");
        device.provision();
        String first = device.folderSync("0").text(FH, "SyncKey");
        EasClient.Answer created = device.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", first),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Replay contacts"), text(FH, "Type", "14")));
        assertEquals("1", created.text(FH, "Status"));
        String afterCreate = created.text(FH, "SyncKey");

        EasClient other = phone("pat", "replay-2", "14.1");
        other.provision();
        String otherKey = other.folderSync("0").text(FH, "SyncKey");
        other.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", otherKey),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Made elsewhere"), text(FH, "Type", "15")));

        EasClient.Answer lost = device.folderSync(afterCreate);
        EasClient.Answer repeated = device.folderSync(afterCreate); // the phone never saw the first answer
        assertEquals(lost.text(FH, "SyncKey"), repeated.text(FH, "SyncKey"));
        assertEquals(adds(lost).keySet(), adds(repeated).keySet());
        assertTrue(adds(repeated).containsKey("Made elsewhere"));

        assertEquals("9", device.folderSync("424242").text(FH, "Status"));
        assertEquals("9", device.folderSync("not-a-key").text(FH, "Status"));
    }

    @Test
    void folderCommandsOnMailAndContactsFoldersReachASecondDevice() throws Exception {
        EasClient first = phone("pat", "folders-1", "16.1");
        EasClient second = phone("pat", "folders-2", "14.1");
        first.provision();
        second.provision();
        String key1 = first.folderSync("0").text(FH, "SyncKey");
        String key2 = second.folderSync("0").text(FH, "SyncKey");

        EasClient.Answer mail = first.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", key1),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Projects"), text(FH, "Type", "12")));
        assertEquals("1", mail.text(FH, "Status"));
        String mailId = mail.text(FH, "ServerId");
        key1 = mail.text(FH, "SyncKey");
        EasClient.Answer contacts = first.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", key1),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Suppliers"), text(FH, "Type", "14")));
        assertEquals("1", contacts.text(FH, "Status"));
        String contactsId = contacts.text(FH, "ServerId");
        key1 = contacts.text(FH, "SyncKey");
        assertEquals("2", first.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", key1),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Projects"), text(FH, "Type", "12"))).text(FH, "Status"),
                "the name exists");
        assertEquals("0", first.folderSync(key1).text(FH, "Changes", "Count"), "a device is not told what it did itself");
        assertTrue(TestMail.mailboxes("pat@eas.test").contains("Projects"), "the mail folder is on IMAP");

        EasClient.Answer seen = second.folderSync(key2);
        assertEquals("14", field(adds(seen).get("Suppliers"), "Type"));
        assertEquals("12", field(adds(seen).get("Projects"), "Type"));
        assertEquals(mailId, field(adds(seen).get("Projects"), "ServerId"));
        key2 = seen.text(FH, "SyncKey");

        EasClient.Answer renamed = first.post("FolderUpdate", el(FH, "FolderUpdate", text(FH, "SyncKey", key1),
                text(FH, "ServerId", mailId), text(FH, "ParentId", "0"), text(FH, "DisplayName", "Projects 2026")));
        assertEquals("1", renamed.text(FH, "Status"));
        key1 = renamed.text(FH, "SyncKey");
        EasClient.Answer renamedContacts = first.post("FolderUpdate", el(FH, "FolderUpdate", text(FH, "SyncKey", key1),
                text(FH, "ServerId", contactsId), text(FH, "ParentId", "0"), text(FH, "DisplayName", "Vendors")));
        assertEquals("1", renamedContacts.text(FH, "Status"));
        key1 = renamedContacts.text(FH, "SyncKey");

        EasClient.Answer updates = second.folderSync(key2);
        Map<String, String> updated = changes(updates, "Update").stream()
                .collect(Collectors.toMap(u -> field(u, "ServerId"), u -> field(u, "DisplayName")));
        assertEquals(Map.of(mailId, "Projects 2026", contactsId, "Vendors"), updated, "a rename keeps the ServerId");
        key2 = updates.text(FH, "SyncKey");

        for (String id : List.of(mailId, contactsId)) {
            EasClient.Answer deleted = first.post("FolderDelete", el(FH, "FolderDelete", text(FH, "SyncKey", key1), text(FH, "ServerId", id)));
            assertEquals("1", deleted.text(FH, "Status"));
            key1 = deleted.text(FH, "SyncKey");
        }
        EasClient.Answer deletes = second.folderSync(key2);
        assertEquals(List.of(mailId, contactsId).stream().sorted().toList(),
                changes(deletes, "Delete").stream().map(d -> field(d, "ServerId")).sorted().toList());

        String inbox = field(adds(first.folderSync("0")).get("Inbox"), "ServerId");
        String fresh = first.folderSync("0").text(FH, "SyncKey");
        assertEquals("3", first.post("FolderDelete", el(FH, "FolderDelete", text(FH, "SyncKey", fresh), text(FH, "ServerId", inbox)))
                .text(FH, "Status"), "the Inbox is a special folder");
        assertEquals("4", first.post("FolderDelete", el(FH, "FolderDelete", text(FH, "SyncKey", fresh), text(FH, "ServerId", "987654321")))
                .text(FH, "Status"));
        assertEquals("9", first.post("FolderDelete", el(FH, "FolderDelete", text(FH, "SyncKey", "77"), text(FH, "ServerId", inbox)))
                .text(FH, "Status"));
    }

    @Test
    void aRemoteWipeRequestedByTheAdminIsDeliveredAndAcknowledged() {
        EasClient device = phone("wipe", "wipe-1", "14.1");
        device.provision();
        device.folderSync("0");
        String path = "api/admin/contexts/eas.test/users/wipe/devices/wipe-1";
        assertEquals(200, api.asMaster("POST", path + "/wipe", "{}").statusCode());

        assertEquals("140", device.folderSync("0").text(FH, "Status"));
        EasClient.Answer provision = device.post("Provision", el("Provision:", "Provision", el("Provision:", "Policies",
                el("Provision:", "Policy", text("Provision:", "PolicyType", "MS-EAS-Provisioning-WBXML")))));
        assertTrue(provision.root().child(Tag.of("Provision:", "RemoteWipe")).isPresent(), provision.root().toString());
        EasClient.Answer ack = device.post("Provision", el("Provision:", "Provision",
                el("Provision:", "RemoteWipe", text("Provision:", "Status", "1"))));
        assertEquals("1", ack.text("Provision:", "Status"));
        JsonObject info = Api.object(api.asMaster("GET", path, null));
        assertEquals("wipe_acknowledged", info.getString("wipe"));
        assertFalse(info.isNull("wipeAcknowledgedAt"));
    }

    @Test
    void anAccountOnlyWipeReachesA161DeviceOnly() {
        EasClient device = phone("wipe", "wipe-161", "16.1");
        device.provision();
        api.asMaster("POST", "api/admin/contexts/eas.test/users/wipe/devices/wipe-161/wipe", "{\"accountOnly\":true}");
        EasClient.Answer provision = device.post("Provision", el("Provision:", "Provision", el("Provision:", "Policies",
                el("Provision:", "Policy", text("Provision:", "PolicyType", "MS-EAS-Provisioning-WBXML")))));
        assertTrue(provision.root().child(Tag.of("Provision:", "AccountOnlyRemoteWipe")).isPresent());
        assertFalse(provision.root().child(Tag.of("Provision:", "RemoteWipe")).isPresent());
    }

    @Test
    void aPolicyChangeMakesDevicesProvisionAgain() {
        EasClient device = phone("policy", "policy-1", "14.1");
        device.provision();
        String key = device.folderSync("0").text(FH, "SyncKey");
        assertEquals(200, api.asMaster("PATCH", "api/admin/contexts/eas.test/policy",
                "{\"DevicePasswordEnabled\": true, \"MinDevicePasswordLength\": 6}").statusCode());

        assertEquals("144", device.folderSync(key).text(FH, "Status"));
        EasClient.Answer offer = device.post("Provision", el("Provision:", "Provision", el("Provision:", "Policies",
                el("Provision:", "Policy", text("Provision:", "PolicyType", "MS-EAS-Provisioning-WBXML")))));
        assertEquals("1", offer.text("Provision:", "Policies", "Policy", "Data", "EASProvisionDoc", "DevicePasswordEnabled"));
        assertEquals("6", offer.text("Provision:", "Policies", "Policy", "Data", "EASProvisionDoc", "MinDevicePasswordLength"));
        device.provision();
        assertEquals("1", device.folderSync(key).text(FH, "Status"), "the hierarchy state survived re-provisioning");
        assertEquals(400, api.asMaster("PATCH", "api/admin/contexts/eas.test/policy", "{\"NoSuchSetting\": 1}").statusCode());
        assertEquals(400, api.asMaster("PATCH", "api/admin/contexts/eas.test/policy", "{\"MinDevicePasswordLength\": 99}").statusCode());
    }

    @Test
    void aBlockedDeviceIsRefused() {
        EasClient modern = phone("block", "block-141", "14.1");
        EasClient old = phone("block", "block-121", "12.1");
        modern.provision();
        old.provision();
        assertEquals("1", modern.folderSync("0").text(FH, "Status"));
        for (String id : List.of("block-141", "block-121")) {
            assertEquals(200, api.asMaster("PATCH", "api/admin/contexts/eas.test/users/block/devices/" + id, "{\"blocked\":true}").statusCode());
        }
        assertEquals("129", modern.folderSync("0").text(FH, "Status"));
        assertEquals(403, old.folderSync("0").status());
        api.asMaster("PATCH", "api/admin/contexts/eas.test/users/block/devices/block-141", "{\"blocked\":false}");
        assertEquals("1", modern.folderSync("0").text(FH, "Status"));
    }

    @Test
    void settingsOofIsSetThenReadAndDeviceInformationIsKept() {
        String S = "Settings:";
        EasClient device = phone("pat", "settings-1", "14.1");
        device.provision();
        EasClient.Answer set = device.post("Settings", el(S, "Settings", el(S, "Oof", el(S, "Set",
                text(S, "OofState", "2"), text(S, "StartTime", "2026-12-20T08:00:00.000Z"), text(S, "EndTime", "2027-01-06T18:00:00.000Z"),
                el(S, "OofMessage", empty(S, "AppliesToInternal"), text(S, "Enabled", "1"), text(S, "ReplyMessage", "Back in January"),
                        text(S, "BodyType", "Text")),
                el(S, "OofMessage", empty(S, "AppliesToExternalUnknown"), text(S, "Enabled", "0"), text(S, "BodyType", "Text")))),
                el(S, "DeviceInformation", el(S, "Set", text(S, "Model", "Pixel 9"), text(S, "OS", "Android 16"),
                        text(S, "FriendlyName", "Pat's phone"), text(S, "IMEI", "356938035643809")))));
        assertEquals("1", set.text(S, "Status"));
        assertEquals("1", set.text(S, "Oof", "Status"));
        assertEquals("1", set.text(S, "DeviceInformation", "Status"));

        EasClient.Answer get = device.post("Settings", el(S, "Settings", el(S, "Oof", el(S, "Get", text(S, "BodyType", "Text"))),
                el(S, "UserInformation", empty(S, "Get"))));
        Element oof = get.root().child(Tag.of(S, "Oof")).orElseThrow().child(Tag.of(S, "Get")).orElseThrow();
        assertEquals("2", oof.childText(Tag.of(S, "OofState")).orElseThrow());
        assertEquals("2026-12-20T08:00:00.000Z", oof.childText(Tag.of(S, "StartTime")).orElseThrow());
        Element internal = oof.children(Tag.of(S, "OofMessage")).stream()
                .filter(m -> m.child(Tag.of(S, "AppliesToInternal")).isPresent()).findFirst().orElseThrow();
        assertEquals("Back in January", internal.childText(Tag.of(S, "ReplyMessage")).orElseThrow());
        assertEquals("pat@eas.test", get.text(S, "UserInformation", "Get", "Accounts", "Account", "EmailAddresses", "PrimarySmtpAddress"));

        JsonObject info = Api.object(api.asMaster("GET", "api/admin/contexts/eas.test/users/pat/devices/settings-1", null));
        assertEquals("Pixel 9", info.getString("model"));
        assertEquals("Pat's phone", info.getString("friendlyName"));
        assertTrue(info.getBoolean("provisioned"));
        assertEquals("14.1", info.getString("protocolVersion"));

        EasClient.Answer bad = device.post("Settings", el(S, "Settings", el(S, "Oof", el(S, "Set",
                text(S, "OofState", "2"), text(S, "StartTime", "yesterday")))));
        assertEquals("5", bad.text(S, "Oof", "Status"));
    }

    @Test
    void theBase64QueryFormWorksLikeThePlainOne() {
        EasClient device = phone("pat", "b64-device", "14.1");
        device.provision();
        byte[] body = EasClient.encode(el(FH, "FolderSync", text(FH, "SyncKey", "0")));
        EasClient.Answer answer = device.postTo(URI.create(device.endpoint + "?" + base64Query(9, "b64-device",
                Long.parseLong(device.policyKey), "SmartPhone")), body, false);
        assertEquals(200, answer.status());
        assertEquals("1", answer.text(FH, "Status"));
        assertTrue(adds(answer).containsKey("Inbox"));
    }

    /** MS-ASHTTP 2.2.1.1.1.1: version 14.1, command code, locale, device id, policy key, device type. */
    static String base64Query(int command, String deviceId, long policyKey, String deviceType) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(141);
        b.write(command);
        b.write(0x09);
        b.write(0x04);
        byte[] id = deviceId.getBytes(StandardCharsets.US_ASCII);
        b.write(id.length);
        b.writeBytes(id);
        b.write(4);
        for (int i = 0; i < 4; i++) {
            b.write((int) (policyKey >>> (8 * i)) & 0xff);
        }
        byte[] type = deviceType.getBytes(StandardCharsets.US_ASCII);
        b.write(type.length);
        b.writeBytes(type);
        return Base64.getEncoder().encodeToString(b.toByteArray());
    }

    @Test
    void theMailSubfolderSwitchHidesSubfoldersButNotTheSpecialOnes() throws Exception {
        EasClient device = phone("sub", "sub-1", "14.1");
        device.provision();
        String key = device.folderSync("0").text(FH, "SyncKey");
        EasClient.Answer create = device.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", key),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Archive 2025"), text(FH, "Type", "12")));
        String created = create.text(FH, "ServerId");

        TestMail.createMailbox("sub@eas.test", "Made on the IMAP server");
        EasClient.Answer elsewhere = device.folderSync(create.text(FH, "SyncKey"));
        assertEquals("12", field(adds(elsewhere).get("Made on the IMAP server"), "Type"), "a mailbox made by another client arrives as an Add");

        api.asMaster("PATCH", "api/admin/contexts/eas.test/users/sub", "{\"syncMailSubfolders\":false}");
        EasClient.Answer without = device.folderSync("0");
        assertFalse(adds(without).containsKey("Archive 2025"));
        assertTrue(adds(without).keySet().containsAll(List.of("Inbox", "Sent", "Drafts", "Trash", "Outbox", "Contacts")));

        api.asMaster("PATCH", "api/admin/contexts/eas.test/users/sub", "{\"inheritMailSubfolders\":true}");
        EasClient.Answer with = device.folderSync(without.text(FH, "SyncKey"));
        assertEquals(created, field(adds(with).get("Archive 2025"), "ServerId"), "the folder keeps its ServerId");
    }

    @Test
    void sharedAndPublicFoldersAppearForTheEnabledDeviceTypesWithTheOwnersName() {
        api.asMaster("PATCH", "api/admin/contexts/eas.test/users/anna", "{\"displayName\":\"Anna Berg\"}");
        JsonObject calendar = Api.array(api.asMaster("GET", "api/admin/contexts/eas.test/users/anna/folders", null)).stream()
                .map(JsonObject.class::cast).filter(f -> f.getString("type").equals("calendar")).findFirst().orElseThrow();
        JsonObject contacts = Api.array(api.asMaster("GET", "api/admin/contexts/eas.test/users/anna/folders", null)).stream()
                .map(JsonObject.class::cast).filter(f -> f.getString("type").equals("contacts")).findFirst().orElseThrow();
        String folders = "api/admin/contexts/eas.test/users/anna/folders/";
        assertEquals(200, api.asMaster("PUT", folders + calendar.getInt("id") + "/shares/pat", "{\"writable\":true}").statusCode());
        assertEquals(200, api.asMaster("PATCH", folders + contacts.getInt("id"), "{\"publicFolder\":true}").statusCode());

        EasClient iphone = new EasClient(EasClient.https(), "pat@eas.test", PASSWORD, "share-iphone", "iPhone", "14.1");
        EasClient android = new EasClient(EasClient.https(), "pat@eas.test", PASSWORD, "share-android", "Android", "14.1");
        iphone.provision();
        android.provision();
        EasClient.Answer onIphone = iphone.folderSync("0");
        EasClient.Answer onAndroid = android.folderSync("0");
        assertEquals("13", field(adds(onIphone).get("Calendar (Anna Berg)"), "Type"));
        assertEquals("14", field(adds(onIphone).get("Contacts (Anna Berg)"), "Type"), "a public folder");
        assertFalse(adds(onAndroid).containsKey("Calendar (Anna Berg)"), "not for device types the context did not enable");
        assertFalse(adds(onAndroid).containsKey("Contacts (Anna Berg)"));
        assertEquals("14", field(adds(onIphone).get("Global Address Book"), "Type"));
        assertEquals("14", field(adds(onAndroid).get("Global Address Book"), "Type"), "the address book is there for every device");

        String sharedId = field(adds(onIphone).get("Calendar (Anna Berg)"), "ServerId");
        String key = onIphone.text(FH, "SyncKey");
        assertEquals("3", iphone.post("FolderDelete", el(FH, "FolderDelete", text(FH, "SyncKey", key), text(FH, "ServerId", sharedId)))
                .text(FH, "Status"), "another user's folder cannot be deleted from this phone");
        assertEquals("3", iphone.post("FolderUpdate", el(FH, "FolderUpdate", text(FH, "SyncKey", key), text(FH, "ServerId", "gal"),
                text(FH, "ParentId", "0"), text(FH, "DisplayName", "Mine now"))).text(FH, "Status"));

        assertEquals(200, api.asMaster("PATCH", "api/admin/contexts/eas.test", "{\"sharedFolderDeviceTypes\":[\"Android\"]}").statusCode());
        assertTrue(adds(android.folderSync(onAndroid.text(FH, "SyncKey"))).containsKey("Calendar (Anna Berg)"));
        assertTrue(changes(iphone.folderSync(key), "Delete").stream().anyMatch(d -> field(d, "ServerId").equals(sharedId)));
        api.asMaster("PATCH", "api/admin/contexts/eas.test", "{\"sharedFolderDeviceTypes\":[\"iPhone\",\"iPad\"]}");
        assertEquals(400, api.asMaster("PATCH", "api/admin/contexts/eas.test", "{\"sharedFolderDeviceTypes\":[\"bad type!\"]}").statusCode());
    }

    @Test
    void badRequestsGetProtocolAnswersNever500() {
        EasClient device = phone("pat", "bad-1", "14.1");
        device.provision();
        assertEquals(400, device.post("FolderSync", new byte[] {0x03, 0x01, 0x6a, 0x00, 0x47, 0x52}).status(), "truncated WBXML");
        assertEquals(400, device.post("FolderSync", new byte[] {0x03, 0x01, 0x6a, 0x00, 0x00, 0x7f, 0x45, 0x01}).status(), "unknown page");
        assertEquals(501, device.post("NoSuchCommand", (byte[]) null).status());
        assertEquals(400, device.postTo(URI.create(device.endpoint + "?Cmd=FolderSync&User=x"), null, true).status(), "no DeviceId");
        EasClient noVersion = phone("pat", "bad-2", "9.9");
        assertEquals(400, noVersion.folderSync("0").status());
        assertNotEquals(500, device.post("FolderSync", EasClient.encode(el(FH, "FolderCreate"))).status());
        assertEquals("10", device.post("FolderCreate", el(FH, "FolderCreate", text(FH, "SyncKey", "1"))).text(FH, "Status"));
    }
}
