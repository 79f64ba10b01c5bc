package org.syncbridge.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncbridge.bench.Deadline;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.ping.AgentLine;
import org.syncbridge.bench.ping.Agents;

/**
 * Waits for what the client processes report. A parked Ping that ends without a change, or a client process
 * that exits, stops the run whatever is being waited for: the count of parked Pings would no longer be true.
 */
final class PingEvents {
    /** No event for this long while waiting means the run is stuck. */
    private static final Duration STUCK = Duration.ofMinutes(5);

    private final Agents agents;
    private final Deadline deadline;

    /** One batch of set-ups: each device's time from connect to its Ping sent, and what failed. */
    record Batch(List<Long> setupNanos, List<String> failures) {
    }

    /** The devices woken by one change: when each Ping answer was decoded, and how many items each then synced. */
    record Wakes(Map<String, Long> wokeAt, Map<String, Integer> items) {
    }

    PingEvents(Agents agents, Deadline deadline) {
        this.agents = agents;
        this.deadline = deadline;
    }

    Batch awaitBatch(Set<Integer> processes) {
        Set<Integer> left = new HashSet<>(processes);
        List<Long> setup = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        while (!left.isEmpty()) {
            Agents.Event e = next("setting up and parking devices");
            switch (e.line().kind()) {
                case AgentLine.PARKED -> setup.add(e.line().number(1));
                case AgentLine.FAILED -> failures.add(e.line().field(0) + ": " + e.line().field(1));
                case AgentLine.DONE -> left.remove(e.agent());
                default -> unexpected(e);
            }
        }
        return new Batch(setup, failures);
    }

    /** Waits until each of {@code devices} was woken and has parked again, at most {@code timeout}. */
    Wakes awaitWakes(Set<String> devices, Duration timeout) {
        Map<String, Long> woke = new HashMap<>();
        Map<String, Integer> items = new HashMap<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (items.size() < devices.size()) {
            Agents.Event e = agents.next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (e == null) {
                Set<String> missing = new HashSet<>(devices);
                missing.removeAll(items.keySet());
                throw new EasFailure(missing.size() + " of " + devices.size() + " devices were not woken and parked again within "
                        + timeout.toSeconds() + " s, e.g. " + missing.iterator().next() + (woke.containsKey(missing.iterator().next())
                        ? " (woken, not parked again)" : " (not woken)"));
            }
            String device = e.line().fields().isEmpty() ? "" : e.line().field(0);
            switch (e.line().kind()) {
                case AgentLine.WOKE -> {
                    if (!devices.contains(device) || woke.put(device, e.line().number(1)) != null) {
                        throw new EasFailure("device " + device + " was woken, but it does not watch the changed folder or was woken twice");
                    }
                }
                case AgentLine.REPARKED -> items.put(device, (int) e.line().number(1));
                default -> unexpected(e);
            }
        }
        return new Wakes(woke, items);
    }

    /** Process {@code agent}'s System.nanoTime() now. */
    long clockOf(int agent) {
        agents.askClock(agent);
        return expect(agent, "CLOCK").number(0);
    }

    /** Each process's {open connections, heap used KiB, CPU ms}. */
    List<long[]> stats() {
        List<long[]> all = new ArrayList<>();
        for (int k = 0; k < agents.count(); k++) {
            agents.askStats(k);
            AgentLine s = expect(k, "STATS");
            all.add(new long[] {s.number(0), s.number(1), s.number(2)});
        }
        return all;
    }

    /** Every process closes its connections; returns how many stayed open. */
    long closeAll() {
        agents.closeConnections();
        long open = 0;
        Set<Integer> left = new HashSet<>();
        for (int k = 0; k < agents.count(); k++) {
            left.add(k);
        }
        while (!left.isEmpty()) {
            Agents.Event e = next("closing the connections");
            if (e.line().kind().equals(AgentLine.CLOSED)) {
                open += e.line().number(0);
                left.remove(e.agent());
            } else if (!e.line().kind().equals(AgentLine.ENDED)) { // a Ping ending now is expected
                unexpected(e);
            }
        }
        return open;
    }

    private AgentLine expect(int agent, String kind) {
        Agents.Event e = next("asking client process " + agent + " for " + kind);
        if (e.agent() != agent || !e.line().kind().equals(kind)) {
            unexpected(e);
        }
        return e.line();
    }

    private Agents.Event next(String doing) {
        deadline.check(doing);
        Duration wait = deadline.remaining().compareTo(STUCK) < 0 ? deadline.remaining() : STUCK;
        Agents.Event e = agents.next(wait.plusSeconds(1));
        if (e == null) {
            deadline.check(doing);
            throw new IllegalStateException("no word from the client processes for " + wait.toSeconds() + " s while " + doing);
        }
        return e;
    }

    private static void unexpected(Agents.Event e) {
        if (e.line().kind().equals(AgentLine.ENDED)) {
            throw new EasFailure("a parked Ping of " + e.line().field(0) + " ended without a change: " + e.line().field(1));
        }
        throw new IllegalStateException("client process " + e.agent() + " said '" + e.line() + "' unexpectedly");
    }
}
