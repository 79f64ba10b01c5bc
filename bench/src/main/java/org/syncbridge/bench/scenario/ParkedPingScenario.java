package org.syncbridge.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.syncbridge.bench.BenchConfig;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.PingSettings;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.ping.Agents;
import org.syncbridge.bench.server.ClassHistogram;
import org.syncbridge.bench.server.ServerProbe;

/**
 * (c) Parked Pings on one server: how many it holds, what each costs in memory, CPU and threads, and how soon a
 * change wakes them. Devices of users made through the admin API set themselves up as phones do (Provision,
 * FolderSync, a first Sync of the contacts folder) and park a Ping on their own connection, from client processes
 * ({@link Agents}) so no process holds more connections than bench.ping.per.process. The count rises in steps;
 * at each, once the server's push hub holds exactly that many requests (counted in a class histogram), its CPU is
 * watched while they wait, and its memory is read after a full GC. At bench.ping.wake.at, changes are committed
 * one at a time and each woken Ping's answer is timed from the writer's Sync answer (the commit).
 */
final class ParkedPingScenario implements Scenario {
    static final String NAME = "parked-ping";
    /** Files the server keeps open beyond its Pings' sockets: database, message journal, logs, jcmd, the writers' connections. */
    static final int FD_RESERVE = 600;
    static final String WATCH_CLASS = "org.syncbridge.jms.Watch";
    /** One per request RESTEasy has not let go of: open (parked) requests, and answered ones something still holds. */
    static final String REQUEST_CLASS = "org.jboss.resteasy.plugins.server.servlet.Servlet3AsyncHttpRequest";
    static final int PROJECTED = 50_000;
    static final long TARGET_HEAP = 4L << 30;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext bench) {
        BenchConfig config = bench.config();
        PingSettings s = config.ping();
        Report report = bench.report();
        ServerProbe probe = bench.serverProbe();
        long fdLimit = probe.openFileLimit().orElseThrow(() -> new IllegalStateException("cannot read the server's open-file limit"));
        long fdBase = probe.openFiles().orElseThrow();
        List<Integer> steps = capped(s.steps(), fdLimit - fdBase - FD_RESERVE);
        int max = steps.get(steps.size() - 1);
        int processes = (max + s.perProcess() - 1) / s.perProcess();
        int wakeUsers = Math.min(s.wakeUsers(), Math.max(1, s.wakeAt() / s.devicesPerUser()));
        report.linef("Devices of %d per user set up (Provision, FolderSync, Sync of the contacts folder) and park a Ping (HeartbeatInterval "
                        + "%d s, one contacts folder) on their own TLS connection; steps %s. The server may hold %,d open files (it holds %,d "
                        + "at the start; %d are kept free), so it takes at most %,d Pings. %d client processes (at most %,d connections each, "
                        + "from 127.0.0.2 onwards), each setting up %d devices at a time. Server heap: %s.", s.devicesPerUser(),
                s.heartbeatSeconds(), steps, fdLimit, fdBase, FD_RESERVE, fdLimit - fdBase - FD_RESERVE, processes, s.perProcess(),
                s.setupConcurrency(), config.server().sizing());
        if (!steps.equals(s.steps())) {
            report.linef("- the steps %s were cut to %s by the open-file limit", s.steps(), steps);
        }
        int[] shares = PingPopulation.perProcess(max, s.devicesPerUser(), processes);
        for (int share : shares) {
            if (share > s.perProcess() + s.devicesPerUser()) {
                throw new IllegalArgumentException("a client process would hold " + share + " connections; more than bench.ping.per.process");
            }
        }

        Agents.Settings settings = new Agents.Settings(config.server().https(), "127.0.0.1", config.server().certificate(), s.heartbeatSeconds(),
                config.easVersion(), s.setupConcurrency(), s.agentHeap(), bench.deadline().remaining().plusMinutes(5), config.resultsDir());
        try (Agents agents = Agents.start(processes, settings)) {
            PingEvents events = new PingEvents(agents, bench.deadline());
            checkClocks(agents, events);
            PingPopulation population = new PingPopulation(bench, s.devicesPerUser(), processes);
            List<PingReading> readings = new ArrayList<>();
            readings.add(read(bench, probe, 0, 0, 0, 0, List.of(), 0, s.idleSeconds()));
            WakeRounds.Result wakes = null;
            for (int step : steps) {
                bench.deadline().check("parking " + step + " Pings");
                int from = readings.get(readings.size() - 1).parked();
                double usersSeconds = population.ensureUsers(step).toNanos() / 1e9;
                double cpu0 = cpuSeconds(probe);
                long t0 = System.nanoTime();
                Set<Integer> used = population.handOut(agents, step);
                used.forEach(agents::park);
                PingEvents.Batch batch = events.awaitBatch(used);
                double setupSeconds = (System.nanoTime() - t0) / 1e9;
                if (!batch.failures().isEmpty()) {
                    throw new EasFailure(batch.failures().size() + " of " + (step - from) + " devices failed to set up, e.g. "
                            + batch.failures().subList(0, Math.min(3, batch.failures().size())));
                }
                awaitParked(bench, probe, step);
                double setupCpu = cpuSeconds(probe) - cpu0;
                readings.add(read(bench, probe, step, population.users(), setupSeconds, usersSeconds, batch.setupNanos(), setupCpu, s.idleSeconds()));
                if (step == s.wakeAt()) {
                    wakes = new WakeRounds(bench, population, events, wakeUsers, s.wakeChanges()).run(step);
                    awaitParked(bench, probe, step);
                }
            }
            List<long[]> clients = events.stats();
            long stillOpen = events.closeAll();
            report(bench, readings, wakes, clients, agents, stillOpen);
            afterClose(bench, probe, max);
        }
    }

    /** Steps beyond what the server's open files allow are replaced by that most, once. */
    static List<Integer> capped(List<Integer> steps, long most) {
        List<Integer> result = new ArrayList<>();
        for (int step : steps) {
            if (step <= most) {
                result.add(step);
            } else {
                int allowed = (int) (most / 1000 * 1000);
                if (result.isEmpty() || result.get(result.size() - 1) < allowed) {
                    result.add(allowed);
                }
                break;
            }
        }
        if (result.isEmpty() || result.get(0) <= 0) {
            throw new IllegalStateException("the server's open-file limit leaves no room for parked Pings (" + most + ")");
        }
        return result;
    }

    /** The wake latency is taken across processes with System.nanoTime(): make sure their clocks are one. */
    private static void checkClocks(Agents agents, PingEvents events) {
        for (int k = 0; k < agents.count(); k++) {
            long before = System.nanoTime();
            long theirs = events.clockOf(k);
            long after = System.nanoTime();
            if (theirs < before || theirs > after) {
                throw new IllegalStateException("client process " + k + "'s System.nanoTime() is not this process's clock ("
                        + before + " <= " + theirs + " <= " + after + " fails); wake latencies could not be compared");
            }
        }
    }

    /** Waits until the push hub holds exactly {@code expected} requests (counted as live Watch objects after a full GC). */
    private static ClassHistogram awaitParked(BenchContext bench, ServerProbe probe, int expected) {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long watches = -1;
        while (System.nanoTime() < end) {
            bench.deadline().check("waiting for " + expected + " Pings to park");
            sleep(Duration.ofSeconds(2));
            ClassHistogram h = probe.histogram().orElseThrow(() -> new IllegalStateException("jcmd GC.class_histogram failed"));
            watches = h.instances(WATCH_CLASS);
            if (watches == expected) {
                return h;
            }
        }
        throw new EasFailure("the server holds " + watches + " parked requests, not the " + expected + " Pings sent");
    }

    private static PingReading read(BenchContext bench, ServerProbe probe, int parked, int users, double setupSeconds, double usersSeconds,
                                    List<Long> setupNanos, double setupCpu, int idleSeconds) {
        double c0 = cpuSeconds(probe);
        long t0 = System.nanoTime();
        sleep(Duration.ofSeconds(idleSeconds));
        double idle = idleSeconds == 0 ? 0 : 100 * (cpuSeconds(probe) - c0) / ((System.nanoTime() - t0) / 1e9);
        long threads = probe.threads().orElse(-1L);
        long files = probe.openFiles().orElse(-1L);
        ClassHistogram h = probe.histogram().orElseThrow(() -> new IllegalStateException("jcmd GC.class_histogram failed"));
        ServerProbe.Reading r = bench.probe(String.format(Locale.ROOT, "%,d parked Pings", parked));
        Optional<Map<String, Long>> nmt = probe.nativeMemory();
        return new PingReading(parked, users, setupSeconds, usersSeconds, setupNanos, setupCpu, idle, threads, files,
                r.liveHeapKb().orElse(-1L), r.committedHeapKb().orElse(-1L), r.rssKb().orElse(-1L),
                nmt.map(m -> m.getOrDefault("Total", 0L) - m.getOrDefault("Java Heap", 0L)).orElse(-1L),
                nmt.map(m -> m.getOrDefault("Other", 0L)).orElse(-1L), h.instances(WATCH_CLASS), h,
                BenchContext.loadAverage());
    }

    private static double cpuSeconds(ServerProbe probe) {
        return probe.cpu().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void report(BenchContext bench, List<PingReading> readings, WakeRounds.Result wakes, List<long[]> clients, Agents agents,
                               long stillOpen) {
        Report report = bench.report();
        report.line("\nEach row: the server once all Pings of the step had parked (the push hub's Watch objects counted), its CPU over "
                + "the idle window that followed, then its memory after a forced full GC. Live requests: RESTEasy request objects "
                + "still reachable (parked ones, and answered ones something still holds).");
        List<List<String>> rows = new ArrayList<>();
        for (PingReading r : readings) {
            int newDevices = r.setupNanos().size();
            rows.add(List.of(String.format(Locale.ROOT, "%,d", r.parked()), String.valueOf(r.watches()),
                    String.valueOf(r.histogram().instances(REQUEST_CLASS)), String.valueOf(r.users()),
                    newDevices == 0 ? "-" : Report.f1(r.setupSeconds()) + " s (" + Report.f1(newDevices / r.setupSeconds()) + "/s)",
                    newDevices == 0 ? "-" : Report.f1(Stats.percentileMs(r.setupNanos(), 50)) + " / " + Report.f1(Stats.percentileMs(r.setupNanos(), 99)),
                    newDevices == 0 ? "-" : Report.f2(1000 * r.setupCpuSeconds() / newDevices),
                    Report.f2(r.idleCpuPercent()), String.valueOf(r.threads()), String.valueOf(r.openFiles()),
                    mib(r.liveHeapKb()), mib(r.committedHeapKb()), mib(r.offHeapKb()), mib(r.rssKb()), r.load()));
        }
        report.table(List.of("parked", "Watch objects", "live requests", "users", "set-up of the new devices", "per device p50 / p99 ms",
                "server CPU ms per new device", "idle server CPU % of a core", "server threads", "server open files", "live heap MiB",
                "committed heap MiB", "outside the heap MiB (NMT)", "RSS MiB", "load avg"), rows);
        report.linef("- making the users (admin API, PBKDF2 per password): %s s in all",
                Report.f1(readings.stream().mapToDouble(PingReading::usersSeconds).sum()));
        memory(report, readings);
        if (wakes != null) {
            wakes.report(report);
        }
        for (int k = 0; k < clients.size(); k++) {
            long[] c = clients.get(k);
            report.linef("- client process %d (from %s): %,d connections open, heap in use %s MiB, CPU %s s", k, agents.source(k), c[0],
                    mib(c[1]), Report.f1(c[2] / 1000.0));
        }
        report.linef("- the clients then closed their connections (%d stayed open)", stillOpen);
    }

    /** Memory per parked Ping: the least-squares slope of the live heap (and of RSS) over the steps, and what grew. */
    private static void memory(Report report, List<PingReading> readings) {
        PingReading first = readings.get(0);
        PingReading last = readings.get(readings.size() - 1);
        // from the first step on: the step from 0 also pays one-time costs (JIT, caches, the database's first pages)
        List<PingReading> steps = readings.size() >= 3 ? readings.subList(1, readings.size()) : readings;
        double[] heap = fit(steps, r -> r.liveHeapKb() * 1024.0);
        double[] heapAll = fit(readings, r -> r.liveHeapKb() * 1024.0);
        double[] rss = fit(steps, r -> r.rssKb() * 1024.0);
        boolean nmt = readings.stream().allMatch(r -> r.offHeapKb() >= 0);
        double[] offHeap = nmt ? fit(steps, r -> r.offHeapKb() * 1024.0) : new double[] {Double.NaN, Double.NaN};
        double[] other = nmt ? fit(steps, r -> r.otherKb() * 1024.0) : new double[] {Double.NaN, Double.NaN};
        report.linef("\n**Memory per parked Ping**, the least-squares slope over the readings from %,d to %,d parked: live heap **%s KiB** "
                        + "(%s KiB over all readings from 0, which include one-time costs of the first step), RSS %s KiB.",
                steps.get(0).parked(), last.parked(), Report.f1(heap[1] / 1024), Report.f1(heapAll[1] / 1024), Report.f1(rss[1] / 1024));
        if (nmt) {
            report.linef("- outside the heap (what the JVM committed besides the heap, Native Memory Tracking): %s KiB per parked Ping, "
                    + "of which %s KiB NMT \"Other\" (direct byte buffers). RSS also follows the committed heap, which the GC sizes as "
                    + "it likes, and the heap pages it touches.", Report.f1(offHeap[1] / 1024), Report.f1(other[1] / 1024));
        } else {
            report.line("- outside the heap: not measured (run the server with -XX:NativeMemoryTracking=summary in bench.server.sizing)");
        }
        for (int i = 1; i < readings.size(); i++) {
            PingReading a = readings.get(i - 1);
            PingReading b = readings.get(i);
            report.linef("- %,d -> %,d parked: live heap +%s KiB per Ping%s", a.parked(), b.parked(),
                    Report.f1((b.liveHeapKb() - a.liveHeapKb()) / (double) (b.parked() - a.parked())),
                    nmt ? ", outside the heap +" + Report.f1((b.offHeapKb() - a.offHeapKb()) / (double) (b.parked() - a.parked())) + " KiB" : "");
        }
        int more = PROJECTED - last.parked();
        double projectedHeap = last.liveHeapKb() * 1024.0 + heap[1] * more;
        report.linef("- **projected** for %,d parked Pings (not measured: the %,d measured plus %,d at the slope): live heap %s GiB (%s the "
                        + "4 GiB target); outside the heap %s GiB; about %,d open files, more than this machine's limit of 20,000 per process.",
                PROJECTED, last.parked(), more, Report.f2(projectedHeap / (1L << 30)), projectedHeap < TARGET_HEAP ? "under" : "OVER",
                nmt ? Report.f2((last.offHeapKb() * 1024.0 + offHeap[1] * more) / (1L << 30)) : "n/a", PROJECTED + first.openFiles());

        report.line("\nWhat grew on the heap from 0 to " + String.format(Locale.ROOT, "%,d", last.parked()) + " parked Pings (class histogram "
                + "after a full GC), per parked Ping, by the library that owns the class (byte[], String and collections are shared by all "
                + "of them), and the largest classes:");
        int n = last.parked() - first.parked();
        Map<String, long[]> grown = new java.util.HashMap<>();
        for (Map.Entry<String, long[]> e : last.histogram().byClass().entrySet()) {
            grown.put(e.getKey(), new long[] {e.getValue()[0] - first.histogram().instances(e.getKey()),
                    e.getValue()[1] - first.histogram().bytes(e.getKey())});
        }
        Map<String, Long> byOwner = new java.util.LinkedHashMap<>();
        OWNERS.values().forEach(o -> byOwner.put(o, 0L));
        byOwner.put(OTHER_OWNER, 0L);
        grown.forEach((cls, d) -> byOwner.merge(owner(cls), d[1], Long::sum));
        List<List<String>> owners = new ArrayList<>();
        byOwner.forEach((owner, bytes) -> owners.add(List.of(owner, Report.f1(bytes / (double) n))));
        long total = last.histogram().totalBytes() - first.histogram().totalBytes();
        owners.add(List.of("**total**", Report.f1(total / (double) n)));
        report.table(List.of("owner", "bytes per Ping"), owners);
        List<Map.Entry<String, long[]>> largest = new ArrayList<>(grown.entrySet());
        largest.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> e : largest.subList(0, Math.min(25, largest.size()))) {
            rows.add(List.of("`" + e.getKey() + "`", Report.f2(e.getValue()[0] / (double) n), Report.f1(e.getValue()[1] / (double) n)));
        }
        report.table(List.of("class", "objects per Ping", "bytes per Ping"), rows);
    }

    /** Class name prefixes and who owns such objects, for the breakdown of a parked Ping's memory. */
    private static final Map<String, String> OWNERS = new java.util.LinkedHashMap<>();
    private static final String OTHER_OWNER = "JDK types and the rest (byte[], String, collections, ...)";

    static {
        OWNERS.put("io.undertow.", "Undertow (HTTP exchange, TLS conduit)");
        OWNERS.put("org.xnio.", "XNIO (sockets)");
        OWNERS.put("org.jboss.resteasy.", "RESTEasy (the suspended request)");
        OWNERS.put("org.jboss.weld.", "Weld (CDI request contexts)");
        OWNERS.put("sun.security.", "JDK TLS (sessions, certificates)");
        OWNERS.put("org.glassfish.enterprise.concurrent.", "EE concurrency (heartbeat timers)");
        OWNERS.put("org.syncbridge.", "Syncbridge (push hub, Ping)");
        OWNERS.put("org.h2.", "H2 (devices, sync states)");
        OWNERS.put("org.hibernate.", "Hibernate");
        OWNERS.put("org.apache.activemq.", "Artemis");
    }

    static String owner(String className) {
        for (Map.Entry<String, String> e : OWNERS.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return OTHER_OWNER;
    }

    interface Value {
        double of(PingReading r);
    }

    /** Least squares y = a + b x over (parked, value): {a, b}. */
    static double[] fit(List<PingReading> readings, Value value) {
        int n = readings.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (PingReading r : readings) {
            double x = r.parked();
            double y = value.of(r);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return new double[] {(sy - b * sx) / n, b};
    }

    /** Whether the server lets go of parked Pings whose clients went away. */
    private static void afterClose(BenchContext bench, ServerProbe probe, int parked) {
        sleep(Duration.ofSeconds(15));
        ClassHistogram h = probe.histogram().orElseThrow();
        ServerProbe.Reading r = bench.probe("the clients closed all connections");
        long kept = h.instances(WATCH_CLASS);
        bench.report().linef("- 15 s after the clients closed their %,d connections the server held %,d parked requests (Watch objects), "
                        + "live heap %s MiB, %s open files: %s", parked, kept, r.liveHeapKb().map(k -> String.valueOf(k / 1024)).orElse("n/a"),
                probe.openFiles().map(String::valueOf).orElse("n/a"), kept == 0 ? "a Ping whose client goes away is let go at once."
                        : "a Ping whose client goes away stays parked until its heartbeat runs out or the device sends another request.");
    }

    private static String mib(long kb) {
        return kb < 0 ? "n/a" : String.valueOf(kb / 1024);
    }
}
