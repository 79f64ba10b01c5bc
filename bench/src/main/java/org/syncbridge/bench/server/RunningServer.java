package org.syncbridge.bench.server;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The server run-server.sh started; closing it shuts WildFly down and waits for the script (and its GreenMail) to end. */
public final class RunningServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RunningServer.class.getName());

    private final ServerSettings settings;
    private final Process process;
    private final String adminPassword;
    private final Thread stopOnExit;
    private volatile boolean closed;

    RunningServer(ServerSettings settings, Process process, String adminPassword) {
        this.settings = settings;
        this.process = process;
        this.adminPassword = adminPassword;
        this.stopOnExit = new Thread(this::stop, "stop-bench-server");
        Runtime.getRuntime().addShutdownHook(stopOnExit); // Ctrl-C or a watchdog halt must not leave the server running
    }

    public ServerSettings settings() {
        return settings;
    }

    public String adminPassword() {
        return adminPassword;
    }

    Process process() {
        return process;
    }

    /** The WildFly JVM itself (run-server.sh's grandchild), for memory and CPU readings. */
    public Optional<ProcessHandle> serverJvm() {
        return process.descendants().filter(p -> p.info().commandLine().orElse("").contains("jboss-modules.jar")).findFirst();
    }

    public ServerProbe probe() {
        return new ServerProbe(this);
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        if (process.isAlive()) {
            cliShutdown();
        }
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                LOG.warning("the server did not stop within 90 s; ending its processes");
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** :shutdown through the management port; the CLI authenticates locally, as the same OS user. */
    private void cliShutdown() {
        ProcessBuilder cli = new ProcessBuilder(settings.jbossHome().resolve("bin/jboss-cli.sh").toString(),
                "--controller=remote+http://127.0.0.1:" + settings.managementPort(), "--connect", "--command=:shutdown")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.baseDir().resolve("console.log").toFile()));
        cli.environment().put("JAVA_HOME", settings.javaHome().toString());
        try {
            Process shutdown = cli.start();
            if (!shutdown.waitFor(60, TimeUnit.SECONDS)) {
                shutdown.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.warning("jboss-cli failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
