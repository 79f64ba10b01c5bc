package org.syncbridge.bench.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLauncherTest {

    @TempDir
    Path tmp;

    @Test
    void onlyItsOwnStateDirectoryIsWiped() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("somebodys"));
        Files.writeString(foreign.resolve("keep.txt"), "precious");
        assertThrows(IllegalStateException.class, () -> ServerLauncher.wipe(foreign));
        assertTrue(Files.exists(foreign.resolve("keep.txt")));

        Path own = tmp.resolve("bench-state");
        ServerLauncher.wipe(own); // new: created with the marker
        Files.createDirectories(own.resolve("data/h2"));
        Files.writeString(own.resolve("data/h2/db.mv.db"), "old run");
        ServerLauncher.wipe(own);
        assertFalse(Files.exists(own.resolve("data")));
        assertTrue(Files.exists(own.resolve(ServerLauncher.MARKER)));
    }

    @Test
    void aServerThatStartedWithErrorsIsNotWaitedFor() throws Exception {
        Path console = tmp.resolve("console.log");
        assertFalse(ServerLauncher.startedWithErrors(console));
        Files.writeString(console, "WFLYSRV0025: WildFly 39.0.1.Final started in 9000ms\n");
        assertFalse(ServerLauncher.startedWithErrors(console));
        Files.writeString(console, "ERROR WFLYSRV0026: WildFly 39.0.1.Final started (with errors) in 13672ms\n");
        assertTrue(ServerLauncher.startedWithErrors(console));
    }

    @Test
    void aPortInUseIsRefusedRatherThanMeasured() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ServerLauncher.requireFreePorts(List.of(busy.getLocalPort())));
            assertTrue(e.getMessage().contains(String.valueOf(busy.getLocalPort())));
        }
    }
}
