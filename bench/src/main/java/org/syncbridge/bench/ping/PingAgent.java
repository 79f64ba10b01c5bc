package org.syncbridge.bench.ping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A client process of the parked-Ping scenario ({@link Agents} starts it with the benchmark's classpath): it holds
 * its share of the phones, reads commands ({@link AgentLine}) on stdin and reports on stdout. It ends when stdin
 * closes (the scenario is done, or gone) and in any case after its lifetime, so no client outlives a run.
 */
public final class PingAgent {
    private PingAgent() {
    }

    /** Arguments: key=value for base, server, cert, sources (comma-separated), heartbeat, version, concurrency, lifetime (s). */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        Duration lifetime = Duration.ofSeconds(Long.parseLong(required(a, "lifetime")));
        startWatchdog(lifetime);
        PrintStream stdout = System.out;
        Consumer<String> out = line -> {
            synchronized (stdout) {
                stdout.println(line);
                stdout.flush();
            }
        };
        try (EasConnections connections = new EasConnections(URI.create(required(a, "base")), address(required(a, "server")),
                Path.of(required(a, "cert")), Arrays.stream(required(a, "sources").split(",")).map(PingAgent::address).toList(), 1)) {
            Fleet fleet = new Fleet(connections, required(a, "version"), Integer.parseInt(required(a, "heartbeat")),
                    Integer.parseInt(required(a, "concurrency")), out);
            out.accept(AgentLine.READY + " " + ProcessHandle.current().pid());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                AgentLine command = AgentLine.parse(line);
                switch (command.kind()) {
                    case AgentLine.DEVICE -> fleet.add(new PhoneSpec(command.field(0), command.field(1), command.field(2)));
                    case AgentLine.PARK -> fleet.park();
                    case AgentLine.CLOCK -> out.accept(AgentLine.clock(System.nanoTime()));
                    case AgentLine.STATS -> out.accept(AgentLine.stats(connections.open(),
                            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024,
                            ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L)));
                    case AgentLine.CLOSE -> {
                        fleet.closeAll();
                        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                        while (connections.open() > 0 && System.nanoTime() < end) {
                            sleep(100);
                        }
                        out.accept(AgentLine.CLOSED + " " + connections.open());
                    }
                    default -> System.err.println("unknown command: " + line);
                }
            }
        }
        System.exit(0);
    }

    private static String required(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + literal, e);
        }
    }

    private static void startWatchdog(Duration lifetime) {
        Thread watchdog = new Thread(() -> {
            sleep(lifetime.toMillis());
            System.err.println("ping agent: lifetime of " + lifetime + " over; stopping");
            Runtime.getRuntime().halt(4);
        }, "agent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
