package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.empty;
import static org.syncbridge.it.EasClient.text;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Requests encoded by an independent WBXML encoder (Debian's libwbxml, installed by the web module's
 * test setup) get the same answers as the same requests encoded by the product's own codec.
 */
class LibwbxmlClientIT extends ServerIT {
    private static final String DOCTYPE = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">\n";

    @BeforeEach
    void userExists() {
        if (api.asMaster("GET", "api/admin/contexts/lib.test", null).statusCode() == 404) {
            api.asMaster("POST", "api/admin/contexts", "{\"name\":\"lib.test\"}");
            api.asMaster("POST", "api/admin/contexts/lib.test/users",
                    "{\"login\":\"lee\",\"password\":\"Lee-pw-1\",\"displayName\":\"Lee\",\"primaryEmail\":\"lee@lib.test\"}");
        }
    }

    private EasClient phone(String deviceId) {
        EasClient device = new EasClient(EasClient.https(), "lee@lib.test", "Lee-pw-1", deviceId, "Android", "14.1");
        device.provision();
        return device;
    }

    @Test
    void provisionFolderSyncAndSettingsAnswerTheSameWhoeverEncodedTheRequest() throws Exception {
        EasClient own = phone("lib-own");
        EasClient inline = phone("lib-inline");
        EasClient table = phone("lib-table");

        String folderSync = DOCTYPE + "<FolderSync xmlns=\"FolderHierarchy:\"><SyncKey>0</SyncKey></FolderSync>";
        Element ownFolders = own.post("FolderSync", el("FolderHierarchy:", "FolderSync", text("FolderHierarchy:", "SyncKey", "0"))).root();
        assertEquals(ownFolders, inline.post("FolderSync", xml2wbxml(folderSync, false)).root());
        assertEquals(ownFolders, table.post("FolderSync", xml2wbxml(folderSync, true)).root());

        String settings = DOCTYPE + "<Settings xmlns=\"Settings:\"><UserInformation><Get/></UserInformation>"
                + "<Oof><Get><BodyType>Text</BodyType></Get></Oof></Settings>";
        Element ownSettings = own.post("Settings", el("Settings:", "Settings", el("Settings:", "UserInformation", empty("Settings:", "Get")),
                el("Settings:", "Oof", el("Settings:", "Get", text("Settings:", "BodyType", "Text"))))).root();
        assertEquals(ownSettings, inline.post("Settings", xml2wbxml(settings, false)).root());
        assertEquals(ownSettings, table.post("Settings", xml2wbxml(settings, true)).root());

        String create = DOCTYPE + "<FolderCreate xmlns=\"FolderHierarchy:\"><SyncKey>1</SyncKey><ParentId>0</ParentId>"
                + "<DisplayName>Ünïcode folder</DisplayName><Type>14</Type></FolderCreate>";
        EasClient.Answer created = inline.post("FolderCreate", xml2wbxml(create, false));
        assertEquals("1", created.text("FolderHierarchy:", "Status"));
        EasClient.Answer duplicate = table.post("FolderCreate", xml2wbxml(create, true));
        assertEquals("2", duplicate.text("FolderHierarchy:", "Status"), "the same name again exists");
        assertTrue(own.folderSync("1").root().toString().contains("Ünïcode folder"));
    }

    /**
     * A real phone's calendar Sync (a Samsung's recurring appointments with deleted occurrences, in libwbxml's
     * tag names), encoded by libwbxml and sent as Adds, arrives whole on a second device.
     */
    @Test
    void aCapturedPhoneCalendarEncodedByLibwbxmlArrivesWholeOnAnotherDevice() throws Exception {
        EasClient phone = phone("lib-cal-1");
        phone.hierarchy = ActiveSyncIT.adds(phone.folderSync("0"));
        String calendar = SyncIT.collection(phone, "Calendar");
        String key = SyncIT.key(SyncIT.sync(phone, calendar, "0", null));
        String captured = Files.readString(Path.of(System.getProperty("eas.captures"),
                "gs2-exchange-deleteAMovedOccurrenceWhenTzChangesFromDevice", "012-Sync-request.xml"));
        String request = captured.replaceFirst("<SyncKey>[^<]*</SyncKey>", "<SyncKey>" + key + "</SyncKey>")
                .replaceFirst("<CollectionId>[^<]*</CollectionId>", "<CollectionId>" + calendar + "</CollectionId>")
                .replaceAll("<Change>\\s*<ServerId>([^<]*)</ServerId>", "<Add><ClientId>$1</ClientId>").replace("</Change>", "</Add>");
        Element answer = phone.post("Sync", xml2wbxml(request, false)).root();
        List<Element> adds = answer.child(org.syncbridge.web.eas.wbxml.Tag.of("AirSync:", "Collections")).orElseThrow()
                .child(org.syncbridge.web.eas.wbxml.Tag.of("AirSync:", "Collection")).orElseThrow()
                .child(org.syncbridge.web.eas.wbxml.Tag.of("AirSync:", "Responses")).orElseThrow().children();
        assertEquals(3, adds.size());
        assertTrue(adds.stream().allMatch(a -> "1".equals(a.childText(org.syncbridge.web.eas.wbxml.Tag.of("AirSync:", "Status")).orElse(null))), answer.toString());

        EasClient other = phone("lib-cal-2");
        String otherKey = SyncIT.key(SyncIT.sync(other, calendar, "0", null));
        EasClient.Answer raw = other.post("Sync", el("AirSync:", "Sync", el("AirSync:", "Collections", el("AirSync:", "Collection",
                text("AirSync:", "SyncKey", otherKey), text("AirSync:", "CollectionId", calendar)))));
        String decoded = wbxml2xml(raw.http().body());
        assertTrue(decoded.contains("paris-mars-00-1") && decoded.contains("paris-mars-12-1"), decoded);
        assertEquals(captured.split("<Exception>", -1).length - 1, decoded.split("<Exception>", -1).length - 1,
                "every series keeps its deleted occurrences: " + decoded);
    }

    /** Decodes a WBXML body with libwbxml's wbxml2xml. */
    static String wbxml2xml(byte[] body) throws IOException, InterruptedException {
        return new String(libwbxml(body, "wbxml2xml", "-l", "ACTIVESYNC"), StandardCharsets.UTF_8);
    }

    /** Encodes ActiveSync XML with libwbxml's xml2wbxml, with or without a string table. */
    static byte[] xml2wbxml(String xml, boolean stringTable) throws IOException, InterruptedException {
        byte[] in = xml.getBytes(StandardCharsets.UTF_8);
        return stringTable ? libwbxml(in, "xml2wbxml", "-v", "1.3", "-a") : libwbxml(in, "xml2wbxml", "-v", "1.3", "-a", "-n");
    }

    /** Runs one of libwbxml's tools on {@code input} and returns what it wrote. */
    private static byte[] libwbxml(byte[] input, String... toolAndOptions) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("libwbxml");
        try {
            Path in = Files.write(dir.resolve("in"), input);
            Path out = dir.resolve("out");
            List<String> command = new ArrayList<>(List.of(toolAndOptions));
            command.addAll(List.of("-o", out.toString(), in.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, toolAndOptions[0] + ": " + printed);
            return Files.readAllBytes(out);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
