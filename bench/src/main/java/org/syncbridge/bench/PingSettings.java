package org.syncbridge.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The parked-Ping scenario's settings (bench.ping.*). Every count is bounded; the steps must rise, and the wake
 * measurement happens at one of them.
 *
 * @param steps              how many Pings are parked at each reading, rising
 * @param devicesPerUser     devices of one user (a change wakes all of them); users = parked / devicesPerUser
 * @param heartbeatSeconds   the Pings' HeartbeatInterval: longer than the run, so none ends by itself
 * @param perProcess         the most connections one client process holds
 * @param setupConcurrency   devices each client process sets up at the same time
 * @param wakeAt             the step at which commit-to-wake latency is measured (0: not measured)
 * @param wakeUsers          users whose folders change in turn (the first rounds, one per user, are not counted)
 * @param wakeChanges        measured changes
 * @param idleSeconds        how long the server's CPU is watched while the Pings wait
 * @param agentHeap          the heap option of each client process
 */
public record PingSettings(List<Integer> steps, int devicesPerUser, int heartbeatSeconds, int perProcess, int setupConcurrency, int wakeAt,
                           int wakeUsers, int wakeChanges, int idleSeconds, String agentHeap) {
    public static final int MAX_PARKED = 100_000;

    static PingSettings from(Properties p) {
        List<Integer> steps = Arrays.stream(p.getProperty("bench.ping.steps", "1000,5000,10000,18000").split(","))
                .map(String::trim).map(s -> BenchConfig.bounded("bench.ping.steps", s, 1, MAX_PARKED)).toList();
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i) <= steps.get(i - 1)) {
                throw new IllegalArgumentException("bench.ping.steps must rise: " + steps);
            }
        }
        if (steps.isEmpty() || steps.size() > 20) {
            throw new IllegalArgumentException("bench.ping.steps must name 1 to 20 steps");
        }
        int wakeAt = BenchConfig.bounded(p, "bench.ping.wake.at", 10_000, 0, MAX_PARKED);
        if (wakeAt != 0 && !steps.contains(wakeAt)) {
            throw new IllegalArgumentException("bench.ping.wake.at must be one of bench.ping.steps " + steps + " or 0, not " + wakeAt);
        }
        String heap = p.getProperty("bench.ping.agent.heap", "-Xmx1536m").trim();
        if (!heap.matches("-Xmx\\d{1,5}[mg]")) {
            throw new IllegalArgumentException("bench.ping.agent.heap must look like -Xmx1g, not '" + heap + "'");
        }
        return new PingSettings(steps, BenchConfig.bounded(p, "bench.ping.devices.per.user", 50, 1, 1000),
                BenchConfig.bounded(p, "bench.ping.heartbeat", 3540, 1, 3540),
                BenchConfig.bounded(p, "bench.ping.per.process", 9000, 100, 15_000),
                BenchConfig.bounded(p, "bench.ping.setup.concurrency", 16, 1, 256), wakeAt,
                BenchConfig.bounded(p, "bench.ping.wake.users", 5, 1, 100), BenchConfig.bounded(p, "bench.ping.wake.changes", 60, 1, 10_000),
                BenchConfig.bounded(p, "bench.ping.idle.seconds", 30, 0, 600), heap);
    }

    public int maxParked() {
        return steps.get(steps.size() - 1);
    }
}
