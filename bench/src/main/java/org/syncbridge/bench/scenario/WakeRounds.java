package org.syncbridge.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.client.SyncPage;

/**
 * Commit-to-wake latency with many Pings parked. Each round one user's writing phone (a device that does not
 * Ping) adds a contact with a Sync; every Ping watching that folder must answer Status 2, and its phone then
 * syncs exactly that contact and parks a new Ping. Each wake is timed from the writer's Sync answer, i.e. after
 * the commit, to the Ping answer decoded in the client process (System.nanoTime(), one clock for all processes
 * on Linux). The users take turns; the first round of each is not counted (its first login after a while pays the
 * password hash). Rounds are {@value #PAUSE_MS} ms apart, so each measures one change, not a queue of them.
 */
final class WakeRounds {
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);
    static final int PAUSE_MS = 250;

    private final BenchContext bench;
    private final PingPopulation population;
    private final PingEvents events;
    private final int users;
    private final int changes;

    /** Latencies in ns: from the writer's Sync answer and from its request, the writer's Sync itself, and each round's spread. */
    record Result(int parked, int users, int changes, List<Long> afterCommit, List<Long> afterRequest, List<Long> writer, List<Long> spread,
                  String load) {
        void report(Report report) {
            report.linef("\n**Wake latency** with %,d Pings parked: %d changes (Sync Add of one contact), in turn in %d users' folders; each wakes "
                    + "all Pings of that user, %,d wakes in all. Load average at the end: %s.", parked, changes, users, afterCommit.size(), load);
            List<List<String>> rows = new ArrayList<>();
            rows.add(row("writer's Sync answer (commit) -> Ping answer", afterCommit));
            rows.add(row("writer's Sync request sent -> Ping answer", afterRequest));
            rows.add(row("the writer's Sync itself", writer));
            rows.add(row("first to last wake of one change", spread));
            report.table(List.of("ms", "samples", "p50", "p90", "p99", "max", "min"), rows);
            long early = afterCommit.stream().filter(n -> n < 0).count();
            if (early > 0) {
                report.linef("- %d Ping answers arrived before the writer's own Sync answer (negative times above): the commit had "
                        + "already happened; the writer's answer was still on its way.", early);
            }
        }

        private static List<String> row(String what, List<Long> nanos) {
            return List.of(what, String.valueOf(nanos.size()), Report.f1(Stats.percentileMs(nanos, 50)), Report.f1(Stats.percentileMs(nanos, 90)),
                    Report.f1(Stats.percentileMs(nanos, 99)), Report.f1(Stats.percentileMs(nanos, 100)), Report.f1(Stats.percentileMs(nanos, 0)));
        }
    }

    WakeRounds(BenchContext bench, PingPopulation population, PingEvents events, int users, int changes) {
        this.bench = bench;
        this.population = population;
        this.events = events;
        this.users = users;
        this.changes = changes;
    }

    Result run(int parked) {
        List<EasClient> writers = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            EasClient writer = bench.phone(population.user(u), String.format(Locale.ROOT, "PBW%05d", u));
            writer.provision();
            String folder = writer.folderOfType(9);
            String key = writer.sync(SyncCall.first(folder)).syncKey();
            keys.add(writer.sync(SyncCall.next(folder, key, 100)).syncKey());
            writers.add(writer);
            folders.add(folder);
        }
        List<Long> afterCommit = new ArrayList<>();
        List<Long> afterRequest = new ArrayList<>();
        List<Long> writer = new ArrayList<>();
        List<Long> spread = new ArrayList<>();
        for (int round = 0; round < users + changes; round++) {
            bench.deadline().check("wake round " + (round + 1));
            int u = round % users;
            Set<String> devices = new LinkedHashSet<>(population.devicesOf(u));
            String clientId = "w" + round;
            long t0 = System.nanoTime();
            SyncPage page = writers.get(u).sync(SyncCall.next(folders.get(u), keys.get(u), 100)
                    .with(List.of(SyncCall.add(clientId, Contacts.contact(1_000_000 + round, 0)))));
            long t1 = System.nanoTime();
            if (!page.addedServerIds().containsKey(clientId)) {
                throw new EasFailure("the writer's Add " + clientId + " got no ServerId");
            }
            keys.set(u, page.syncKey());
            PingEvents.Wakes wakes = events.awaitWakes(devices, ROUND_TIMEOUT);
            wakes.items().forEach((device, items) -> {
                if (items != 1) {
                    throw new EasFailure(device + " synced " + items + " items after one Add");
                }
            });
            if (round >= users) {
                for (long at : wakes.wokeAt().values()) {
                    afterCommit.add(at - t1);
                    afterRequest.add(at - t0);
                }
                writer.add(t1 - t0);
                spread.add(Collections.max(wakes.wokeAt().values()) - Collections.min(wakes.wokeAt().values()));
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new Result(parked, users, changes, afterCommit, afterRequest, writer, spread, BenchContext.loadAverage());
    }
}
