package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.empty;
import static org.syncbridge.it.EasClient.text;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Requests encoded by an independent WBXML encoder (Debian's libwbxml, installed by the web module's
 * test setup) get the same answers as the same requests encoded by the product's own codec.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LibwbxmlClientIT {
    private static final String DOCTYPE = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">\n";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.realEar();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void userExists() {
        TestMail.server();
        Api api = new Api(base);
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

    /** Encodes ActiveSync XML with libwbxml's xml2wbxml, with or without a string table. */
    static byte[] xml2wbxml(String xml, boolean stringTable) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("xml2wbxml");
        try {
            Path in = Files.writeString(dir.resolve("in.xml"), xml, StandardCharsets.UTF_8);
            Path out = dir.resolve("out.wbxml");
            List<String> command = new ArrayList<>(List.of("xml2wbxml", "-v", "1.3", "-a"));
            if (!stringTable) {
                command.add("-n");
            }
            command.addAll(List.of("-o", out.toString(), in.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, "xml2wbxml: " + printed);
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
