package org.syncbridge.bench.ping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The client processes of the parked-Ping scenario: K JVMs started with this JVM's classpath, each running
 * {@link PingAgent} and connecting from its own loopback address (127.0.0.2, 127.0.0.3, ...). Their events
 * arrive in one queue. Closing ends them all (and so does this JVM's exit, through a shutdown hook).
 */
public final class Agents implements AutoCloseable {
    /** Where the processes run and how their phones behave. */
    public record Settings(URI base, String serverIp, Path certificate, int heartbeatSeconds, String easVersion, int setupConcurrency,
                           String heap, Duration lifetime, Path logDir) {
    }

    /** An event line and the process it came from. */
    public record Event(int agent, AgentLine line) {
    }

    private final List<Process> processes = new ArrayList<>();
    private final List<Writer> inputs = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread stopOnExit = new Thread(this::destroy, "stop-ping-agents");

    private Agents() {
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts {@code count} processes and waits until each says READY. */
    public static Agents start(int count, Settings settings) {
        if (count < 1 || count > 200) {
            throw new IllegalArgumentException("between 1 and 200 client processes, not " + count);
        }
        Agents agents = new Agents();
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Files.createDirectories(settings.logDir());
            for (int k = 0; k < count; k++) {
                String source = "127.0.0." + (2 + k);
                ProcessBuilder builder = new ProcessBuilder(java, settings.heap(), "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        PingAgent.class.getName(), "base=" + settings.base(), "server=" + settings.serverIp(),
                        "cert=" + settings.certificate(), "sources=" + source, "heartbeat=" + settings.heartbeatSeconds(),
                        "version=" + settings.easVersion(), "concurrency=" + settings.setupConcurrency(),
                        "lifetime=" + settings.lifetime().toSeconds())
                        .redirectError(ProcessBuilder.Redirect.appendTo(settings.logDir().resolve("ping-agent-" + k + ".log").toFile()));
                Process process = builder.start();
                agents.processes.add(process);
                agents.inputs.add(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
                agents.sources.add(source);
                agents.readEvents(k, process);
            }
            for (int k = 0; k < count; k++) {
                Event ready = agents.next(Duration.ofSeconds(60));
                if (ready == null || !ready.line().kind().equals(AgentLine.READY)) {
                    throw new IllegalStateException("a client process did not start: " + ready + "; see " + settings.logDir());
                }
            }
            return agents;
        } catch (IOException | RuntimeException e) {
            agents.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private void readEvents(int agent, Process process) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    events.add(new Event(agent, AgentLine.parse(line)));
                }
            } catch (IOException e) {
                // the process ended
            }
            events.add(new Event(agent, new AgentLine("EXITED", List.of())));
        }, "ping-agent-" + agent + "-events");
        reader.setDaemon(true);
        reader.start();
    }

    public int count() {
        return processes.size();
    }

    /** The loopback address process {@code agent} connects from. */
    public String source(int agent) {
        return sources.get(agent);
    }

    public List<ProcessHandle> handles() {
        return processes.stream().map(Process::toHandle).toList();
    }

    public void device(int agent, String login, String password, String deviceId) {
        send(agent, AgentLine.device(login, password, deviceId));
    }

    /** Process {@code agent} sets up and parks the devices given since its last batch; it answers DONE. */
    public void park(int agent) {
        send(agent, AgentLine.PARK);
    }

    public void askClock(int agent) {
        send(agent, AgentLine.CLOCK);
    }

    public void askStats(int agent) {
        send(agent, AgentLine.STATS);
    }

    /** Every process closes its connections on purpose and answers CLOSED. */
    public void closeConnections() {
        for (int k = 0; k < processes.size(); k++) {
            send(k, AgentLine.CLOSE);
        }
    }

    private void send(int agent, String line) {
        try {
            Writer in = inputs.get(agent);
            synchronized (in) {
                in.write(line);
                in.write('\n');
                in.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("client process " + agent + " is gone", e);
        }
    }

    /** The next event, or null after {@code timeout}. */
    public Event next(Duration timeout) {
        try {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void destroy() {
        for (Writer in : inputs) {
            try {
                in.close(); // end of stdin: the process exits by itself
            } catch (IOException e) {
                // already gone
            }
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroy();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) {
                        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }
}
