package org.syncbridge.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One WildFly node of the test cluster: the built server run by its own bin/standalone.sh, as an admin runs
 * it, with a base directory of its own, a port offset and its environment; the EAR deployed from the
 * base directory's deployments/ at boot, as the run command does it.
 */
final class ClusterNode implements AutoCloseable {
    final String name;
    final int offset;
    final Path base;
    private final Process process;

    private ClusterNode(String name, int offset, Path base, Process process) {
        this.name = name;
        this.offset = offset;
        this.base = base;
        this.process = process;
    }

    /** Starts a node on a copy of {@code configuration}, with the environment that WildFly's expressions read. */
    static ClusterNode start(String name, int offset, Path configuration, Path base, Map<String, String> environment) throws IOException {
        TestCluster.copyTree(configuration, base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(base.resolve("log"));
        Files.copy(Path.of(System.getProperty("syncbridge.ear")), base.resolve("deployments/syncbridge.ear"));
        Path home = Path.of(System.getProperty("jboss.home"));
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", System.getProperty("server.config"), "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(base.resolve("log/console.log").toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("server.java.home"));
        builder.environment().put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx768m");
        builder.environment().putAll(environment);
        return new ClusterNode(name, offset, base, builder.start());
    }

    /** Waits until the deployment scanner reports the EAR deployed; fails with the server's log otherwise. */
    void awaitDeployed(Duration limit) throws InterruptedException {
        Path deployments = base.resolve("deployments");
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Files.exists(deployments.resolve("syncbridge.ear.deployed"))) {
            if (Files.exists(deployments.resolve("syncbridge.ear.failed"))) {
                throw new AssertionError("The EAR failed to deploy on node " + name + ":\n" + TestCluster.tail(base.resolve("log/server.log")));
            }
            if (!process.isAlive()) {
                throw new AssertionError("Node " + name + " ended with " + process.exitValue() + ":\n" + TestCluster.tail(base.resolve("log/console.log")));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Node " + name + " did not deploy the EAR within " + limit.toSeconds() + " s:\n"
                        + TestCluster.tail(base.resolve("log/server.log")));
            }
            Thread.sleep(250);
        }
    }

    /** The admin API and the rest over HTTP. */
    URL http() {
        try {
            return URI.create("http://localhost:" + (8080 + offset) + "/").toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where phones connect. */
    URI https() {
        return URI.create("https://localhost:" + (8443 + offset) + "/");
    }

    /** Stops the server as a TERM signal does (WildFly shuts down in order); kills what is left after 30 s. */
    @Override
    public void close() {
        List<ProcessHandle> all = process.descendants().toList();
        all.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            CompletableFuture.allOf(Stream.concat(all.stream().map(ProcessHandle::onExit), Stream.of(process.onExit()))
                    .toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed below
        } finally {
            all.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
