package org.syncbridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Two WildFly nodes of the built server on one PostgreSQL and one standalone ActiveMQ Artemis broker,
 * switched to them by the production scripts postgresql.cli and external-broker.cli, applied offline as
 * docs/production.md says, the EAR deployed on both. The database and the broker come from the project's
 * scripts (ear/src/test/scripts). Everything started here is stopped by close(), also when the JVM ends
 * early; a helper that cannot start fails the test with its own message.
 */
final class TestCluster implements AutoCloseable {
    static final String DB_USER = "syncbridge";
    static final String DB_PASSWORD = "cluster-db-secret";
    static final String BROKER_USER = "syncbridge";
    static final String BROKER_PASSWORD = "cluster-broker-secret";
    /** A first apt-get install of PostgreSQL included. */
    private static final Duration SERVICE_LIMIT = Duration.ofMinutes(10);
    private static final Duration BOOT_LIMIT = Duration.ofMinutes(5);

    private final Path dir = Path.of(System.getProperty("it.cluster.dir"));
    private final Path scripts = Path.of(System.getProperty("it.scripts"));
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook = new Thread(this::close, "test-cluster-stop");
    /** Not the common pool: on two cores it runs one task at a time. */
    private final ExecutorService helpers = Executors.newCachedThreadPool();
    ClusterNode a;
    ClusterNode b;

    private TestCluster() {
    }

    static TestCluster start() throws Exception {
        TestCluster cluster = new TestCluster();
        Runtime.getRuntime().addShutdownHook(cluster.hook);
        try {
            cluster.startAll();
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        long start = System.nanoTime();
        stopServices(); // what a killed earlier run may have left running
        deleteTree(dir);
        Files.createDirectories(dir);
        int offsetA = Integer.getInteger("it.cluster.port.offset.a");
        int offsetB = Integer.getInteger("it.cluster.port.offset.b");
        for (int offset : List.of(offsetA, offsetB)) {
            for (int port : List.of(8080 + offset, 8443 + offset, 9990 + offset)) {
                assertFree(port);
            }
        }
        // independent of each other: database, broker and configuration at the same time
        CompletableFuture<Integer> postgres = CompletableFuture.supplyAsync(() -> port(run("test-postgresql", SERVICE_LIMIT,
                Map.of("SYNCBRIDGE_DB_USER", DB_USER, "SYNCBRIDGE_DB_PASSWORD", DB_PASSWORD),
                "bash", scripts.resolve("test-postgresql.sh").toString(), "start", dir.toString(),
                System.getProperty("it.cluster.postgresql.port"))), helpers);
        CompletableFuture<Integer> broker = CompletableFuture.supplyAsync(() -> port(run("test-artemis", SERVICE_LIMIT,
                Map.of("SYNCBRIDGE_BROKER_USER", BROKER_USER, "SYNCBRIDGE_BROKER_PASSWORD", BROKER_PASSWORD,
                        "JAVA_HOME", System.getProperty("server.java.home")),
                "bash", scripts.resolve("test-artemis.sh").toString(), "start", dir.toString(),
                System.getProperty("artemis.home"), System.getProperty("it.cluster.broker.port"))), helpers);
        CompletableFuture<Path> configuration = CompletableFuture.supplyAsync(this::switchedConfiguration, helpers);
        CompletableFuture.allOf(postgres, broker, configuration).handle((done, failed) -> null).join(); // none left behind
        int postgresPort = join(postgres);
        int brokerPort = join(broker);
        Path switched = join(configuration);

        // what WildFly's ${env...} expressions in the two scripts read; the rest (master admin password, heartbeat,
        // the tests' GreenMail) the nodes inherit from failsafe's environment, as the other ITs' servers do
        Map<String, String> environment = new HashMap<>(Map.of(
                "SYNCBRIDGE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/syncbridge",
                "SYNCBRIDGE_DB_USER", DB_USER, "SYNCBRIDGE_DB_PASSWORD", DB_PASSWORD,
                "SYNCBRIDGE_BROKER_HOST", "127.0.0.1", "SYNCBRIDGE_BROKER_PORT", String.valueOf(brokerPort),
                "SYNCBRIDGE_BROKER_USER", BROKER_USER, "SYNCBRIDGE_BROKER_PASSWORD", BROKER_PASSWORD));
        a = node("node-a", offsetA, switched, environment);
        b = node("node-b", offsetB, switched, environment);
        a.awaitDeployed(BOOT_LIMIT);
        b.awaitDeployed(BOOT_LIMIT);
        System.out.printf("Test cluster up in %d s: PostgreSQL on %d, Artemis on %d, nodes on port offsets %d and %d%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), postgresPort, brokerPort, a.offset, b.offset);
    }

    private ClusterNode node(String name, int offset, Path configuration, Map<String, String> environment) throws IOException {
        Map<String, String> own = new HashMap<>(environment);
        own.put("SYNCBRIDGE_NODE_ID", name); // each node recovers only its own XA branches
        ClusterNode node = ClusterNode.start(name, offset, configuration, dir.resolve(name), own);
        nodes.add(node);
        return node;
    }

    /**
     * The built server's configuration with postgresql.cli and external-broker.cli applied, offline in an
     * embedded server on a copy, so the built server stays as the other tests use it.
     */
    private Path switchedConfiguration() {
        try {
            Path base = dir.resolve("switched");
            Path configuration = base.resolve("configuration");
            copyTree(Path.of(System.getProperty("jboss.home"), "standalone", "configuration"), configuration);
            Path cli = Path.of(System.getProperty("it.cli.dir"));
            Path script = Files.writeString(dir.resolve("switch.cli"), String.join("\n",
                    "embed-server --server-config=" + System.getProperty("server.config") + " --std-out=echo",
                    "run-batch --file=" + cli.resolve("postgresql.cli"),
                    "run-batch --file=" + cli.resolve("external-broker.cli"),
                    "stop-embedded-server", ""));
            String log = run("switch-cli", Duration.ofMinutes(3),
                    Map.of("JAVA_HOME", System.getProperty("server.java.home"), "JAVA_OPTS", "-Djboss.server.base.dir=" + base),
                    "bash", Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh").toString(), "--file=" + script);
            if (log.split("The batch executed successfully", -1).length != 3) {
                throw new AssertionError("postgresql.cli and external-broker.cli did not both apply:\n" + log);
            }
            return configuration;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a helper to its end within {@code limit}, its output in {@code name}.log; fails with that output. */
    private String run(String name, Duration limit, Map<String, String> environment, String... command) {
        Path log = dir.resolve(name + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(name + " did not end within " + limit.toSeconds() + " s:\n" + tail(log));
            }
            String output = Files.readString(log);
            if (process.exitValue() != 0) {
                throw new AssertionError(name + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    private static int port(String output) {
        return output.lines().filter(l -> l.startsWith("port=")).map(l -> Integer.valueOf(l.substring(5).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no port in:\n" + output));
    }

    private static void assertFree(int port) {
        try (Socket taken = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("Port " + port + " on 127.0.0.1 is taken (a node of an earlier run still running?)");
        } catch (IOException free) {
            // nothing listens there
        }
    }

    /** The future's value, or what made it fail, not wrapped. */
    private static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Stops the nodes, then the broker and the database; once, whoever calls first (the test or the JVM's end). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway and finds it closed
            }
        }
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::close, helpers))
                .toArray(CompletableFuture[]::new)).join();
        helpers.shutdownNow();
        stopServices();
    }

    /** Stops the broker and the database the scripts recorded in the directory, if any. */
    private void stopServices() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String script : List.of("test-artemis", "test-postgresql")) {
            try {
                run(script + "-stop", Duration.ofMinutes(1), Map.of(), "bash", scripts.resolve(script + ".sh").toString(), "stop", dir.toString());
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no " + log + ": " + e.getMessage() + ")";
        }
    }

    static void copyTree(Path source, Path target) throws IOException {
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

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> old = Files.walk(root)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
