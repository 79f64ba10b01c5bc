package org.syncbridge.bench.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.syncbridge.bench.client.AdminApi;
import org.syncbridge.bench.client.Transport;

/**
 * Starts the built server the way {@code mvn -Pstart package} does, through the same run-server.sh, with the
 * benchmark's port offset, mail ports, heap and a fresh state directory (an empty database each run).
 */
public final class ServerLauncher {
    /** Marks a state directory as the benchmark's own, so only such a directory is ever wiped. */
    static final String MARKER = ".syncbridge-bench";

    private ServerLauncher() {
    }

    public static RunningServer start(ServerSettings settings, Duration startupTimeout) {
        requireFreePorts(settings.ports());
        wipe(settings.baseDir());
        String adminPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        ProcessBuilder builder = new ProcessBuilder("bash", settings.runScript().toString())
                .redirectErrorStream(true)
                .redirectOutput(settings.baseDir().resolve("console.log").toFile());
        Map<String, String> env = builder.environment();
        // the embedded defaults only: an exported SYNCBRIDGE_DB_URL or mail host must not send the load elsewhere
        env.keySet().removeIf(name -> name.startsWith("SYNCBRIDGE_"));
        env.putAll(Map.of(
                "JAVA_HOME", settings.javaHome().toString(),
                "JBOSS_HOME", settings.jbossHome().toString(),
                "SYNCBRIDGE_BASE_DIR", settings.baseDir().toString(),
                "SYNCBRIDGE_EAR", settings.ear().toString(),
                "SYNCBRIDGE_SERVER_CONFIG", settings.serverConfig(),
                "SYNCBRIDGE_BIND_ADDRESS", "127.0.0.1",
                "GREENMAIL_JAR", settings.greenmailJar().toString(),
                "SYNCBRIDGE_PORT_OFFSET", String.valueOf(settings.portOffset()),
                "SYNCBRIDGE_ADMIN_PASSWORD", adminPassword,
                "SYNCBRIDGE_HOST", "localhost"));
        env.put("SYNCBRIDGE_IMAP_HOST", "127.0.0.1");
        env.put("SYNCBRIDGE_IMAP_PORT", String.valueOf(settings.imapPort()));
        env.put("SYNCBRIDGE_SMTP_HOST", "127.0.0.1");
        env.put("SYNCBRIDGE_SMTP_PORT", String.valueOf(settings.smtpPort()));
        env.put("JBOSS_JAVA_SIZING", settings.sizing());
        if (settings.dbTrace()) { // configure.cli's default database, with H2's statement trace (syncbridge.trace.db beside it)
            env.put("SYNCBRIDGE_DB_URL", "jdbc:h2:" + settings.database() + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=2;TRACE_MAX_FILE_SIZE=512");
        }
        env.put("GC_LOG", "true"); // WildFly's own rotating GC log in the state's log directory
        env.remove("JAVA_OPTS"); // standalone.conf adds its defaults only when JAVA_OPTS is empty
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + settings.runScript(), e);
        }
        RunningServer server = new RunningServer(settings, process, adminPassword);
        try {
            awaitReady(server, startupTimeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void awaitReady(RunningServer server, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        AdminApi admin = null;
        RuntimeException last = null;
        while (System.nanoTime() < end) {
            if (!server.process().isAlive()) {
                throw new IllegalStateException("the server stopped while starting; see " + server.settings().baseDir().resolve("console.log"));
            }
            if (startedWithErrors(server.settings().baseDir().resolve("console.log"))) { // e.g. the EAR did not deploy: it never gets ready
                throw new IllegalStateException("the server started with errors; see " + server.settings().baseDir().resolve("console.log"));
            }
            try {
                if (admin == null && Files.exists(server.settings().certificate())) {
                    admin = new AdminApi(Transport.loopback(server.settings().https(), server.settings().certificate(), Duration.ofSeconds(10)),
                            "admin", server.adminPassword());
                }
                if (admin != null && admin.ready()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e; // not listening yet, or the EAR not deployed yet
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("the server was not ready within " + timeout + "; see "
                + server.settings().baseDir().resolve("console.log"), last);
    }

    /** WildFly's WFLYSRV0026: it started, but services failed (an undeployable EAR). */
    static boolean startedWithErrors(Path console) {
        try {
            return Files.exists(console) && Files.readString(console, java.nio.charset.StandardCharsets.ISO_8859_1).contains("WFLYSRV0026");
        } catch (IOException e) {
            return false;
        }
    }

    /** A server already on these ports would be measured instead of ours: refuse. */
    public static void requireFreePorts(List<Integer> ports) {
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                throw new IllegalStateException("something already listens on 127.0.0.1:" + port
                        + "; stop it or move the benchmark's ports (bench.port.offset, bench.imap.port, bench.smtp.port)");
            } catch (IOException free) {
                // nothing there: good
            }
        }
    }

    /** Empties the state directory, but only one the benchmark made (it holds the marker) or a new one. */
    static void wipe(Path dir) {
        try {
            if (Files.exists(dir)) {
                if (!Files.exists(dir.resolve(MARKER))) {
                    throw new IllegalStateException(dir + " exists and is not a benchmark state directory (no " + MARKER + "); not deleting it");
                }
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            Files.createFile(dir.resolve(MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
