package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.SyncIT.AS;
import static org.syncbridge.it.SyncIT.C;
import static org.syncbridge.it.SyncIT.add;
import static org.syncbridge.it.SyncIT.commands;
import static org.syncbridge.it.SyncIT.key;
import static org.syncbridge.it.SyncIT.status;
import static org.syncbridge.it.SyncIT.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * A sync key survives a server restart: states, items and devices live in the database, nothing that
 * counts lives only in memory. Runs in the "restart" failsafe execution on a server the test stops
 * and starts itself; its base directory (and so the H2 database) is prepared once and kept.
 */
@Tag("restart")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {
    static final String SERVER = "wildfly-restartable";
    static final String EAR = "syncbridge";

    @Deployment(name = EAR, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return Api.realEar();
    }

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    /** A fresh copy of the built server's base directory, as the suite's server gets at its start. */
    @BeforeAll
    static void freshBaseDirectory() throws IOException {
        Path target = Path.of(System.getProperty("wildfly.restart.base.dir"));
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path source = Path.of(System.getProperty("jboss.home"), "standalone");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static URL http() {
        try {
            return URI.create("http://localhost:" + (8080 + Integer.getInteger("it.port.offset")) + "/").toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDeviceGoesOnWithItsKeysAfterARestart() {
        TestMail.server();
        controller.start(SERVER);
        deployer.deploy(EAR);
        try {
            Api api = new Api(http());
            assertEquals(201, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"restart.test\"}").statusCode());
            assertEquals(201, api.asMaster("POST", "api/admin/contexts/restart.test/users",
                    "{\"login\":\"anna\",\"password\":\"" + SyncIT.PASSWORD + "\",\"displayName\":\"Anna\"}").statusCode());
            EasClient writer = device("restart-w");
            EasClient reader = device("restart-r");
            String contacts = SyncIT.collection(writer, "Contacts");
            String writerKey = key(sync(writer, contacts, "0", null));
            writerKey = key(sync(writer, contacts, writerKey, null, add("r1", text(C, "FirstName", "Before")),
                    add("r2", text(C, "FirstName", "Restart"))));
            String readerStart = key(sync(reader, contacts, "0", null));
            Element before = sync(reader, contacts, readerStart, null);
            assertEquals(2, commands(before, "Add").size());
            String readerKey = key(before);

            controller.stop(SERVER);
            controller.start(SERVER);

            Element replayed = sync(reader, contacts, readerStart, null);
            assertEquals("1", status(replayed), "the previous key is still known");
            assertEquals(commands(before, "Add"), commands(replayed, "Add"), "and answered with the same content");
            assertEquals(readerKey, key(replayed));
            Element current = sync(reader, contacts, readerKey, null);
            assertEquals("1", status(current), "no Status 3: the current key is known after the restart");
            assertTrue(commands(current, "Add").isEmpty(), "no duplicates");
            readerKey = key(current);

            Element written = sync(writer, contacts, writerKey, null, add("r3", text(C, "FirstName", "After")));
            assertEquals("1", status(written));
            Element after = sync(reader, contacts, readerKey, null);
            assertEquals(List.of("After"), commands(after, "Add").stream().map(a -> SyncIT.data(a, "FirstName")).toList());
            assertTrue(commands(sync(writer, contacts, key(written), null), "Add").isEmpty(), "the writer's own add still is not echoed");
        } finally {
            deployer.undeploy(EAR);
            controller.stop(SERVER);
        }
    }

    private static EasClient device(String deviceId) {
        EasClient device = new EasClient(EasClient.https(), "anna@restart.test", SyncIT.PASSWORD, deviceId, "Android", "14.1");
        device.provision();
        device.hierarchy = ActiveSyncIT.adds(device.folderSync("0"));
        return device;
    }
}
