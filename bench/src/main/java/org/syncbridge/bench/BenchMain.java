package org.syncbridge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.syncbridge.bench.client.Transport;
import org.syncbridge.bench.mail.Dovecot;
import org.syncbridge.bench.scenario.Scenario;
import org.syncbridge.bench.scenario.Scenarios;
import org.syncbridge.bench.server.RunningServer;
import org.syncbridge.bench.server.ServerLauncher;
import org.syncbridge.bench.server.ServerProbe;
import org.syncbridge.bench.server.ServerSettings;
import org.syncbridge.bench.server.StoredState;

/**
 * Runs the selected scenarios against a freshly started server and writes the report. Exit status 0 when every
 * scenario finished, 1 when one failed (its error is in the report), 2 for bad settings. A watchdog ends the
 * run a few minutes after the time budget even if a request hangs.
 */
public final class BenchMain {
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofMinutes(5);

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchConfig config;
        List<Scenario> scenarios;
        try {
            config = BenchConfig.from(System.getProperties());
            scenarios = Scenarios.named(config.scenarios());
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Deadline deadline = Deadline.after(Duration.ofMinutes(config.maxMinutes()));
        startWatchdog(Duration.ofMinutes(config.maxMinutes()).plus(GRACE));
        Report report = new Report(System.out);
        boolean mail = scenarios.stream().anyMatch(Scenario::needsDovecot);
        describe(report, config, mail);
        boolean ok = true;
        Dovecot dovecot = null;
        BenchContext bench = null;
        try {
            ServerSettings settings = config.server();
            if (mail) {
                ServerLauncher.requireFreePorts(List.of(config.mail().dovecotPort()));
                dovecot = Dovecot.start(config.mail());
                report.line("- " + dovecot.version());
                if (config.mail().imapTrace()) {
                    dovecot.traceCommands();
                    report.line("- Dovecot logs every IMAP command (bench.mail.imap.trace): a profile run, its times include that logging");
                }
                settings = settings.withProvidedImap(dovecot.port());
            }
            try (RunningServer server = ServerLauncher.start(settings, STARTUP)) {
                Transport transport = Transport.loopback(settings.https(), settings.certificate(), Duration.ofSeconds(120));
                bench = new BenchContext(config, deadline, report, server, transport, dovecot);
                report.line("- server started; load average " + Machine.loadAverage());
                bench.probe("start");
                for (Scenario scenario : scenarios) {
                    report.heading(scenario.name());
                    report.line("Started " + Instant.now() + ", load average " + Machine.loadAverage() + ".\n");
                    long start = System.nanoTime();
                    try {
                        scenario.run(bench);
                    } catch (RuntimeException e) {
                        ok = false;
                        report.line("\n**FAILED**: " + e);
                        e.printStackTrace();
                    }
                    report.linef("\nScenario time %s min, load average at its end %s.", Report.f1((System.nanoTime() - start) / 60e9),
                            Machine.loadAverage());
                }
                memory(report, bench, server.probe().gcSummary());
            }
            ok &= afterStop(report, bench, settings);
        } catch (RuntimeException e) {
            ok = false;
            report.line("\n**FAILED**: " + e);
            e.printStackTrace();
        } finally {
            if (dovecot != null) {
                dovecot.close();
            }
        }
        Path saved = report.save(config.resultsDir());
        System.out.println("\nResults: " + saved);
        System.exit(ok ? 0 : 1);
    }

    /** The readings scenarios left for the stopped server (its stored state); false when one failed. */
    private static boolean afterStop(Report report, BenchContext bench, ServerSettings settings) {
        if (bench == null || bench.afterStop().isEmpty()) {
            return true;
        }
        report.heading("Stored state (read after the server stopped)");
        try (StoredState stored = StoredState.open(settings)) {
            bench.afterStop().forEach(reading -> reading.accept(stored));
            return true;
        } catch (RuntimeException e) {
            report.line("\n**FAILED**: " + e);
            e.printStackTrace();
            return false;
        }
    }

    private static void describe(Report report, BenchConfig config, boolean mail) {
        report.line("# Syncbridge benchmark, " + Instant.now());
        report.line("");
        Machine.describe().forEach(report::line);
        report.line("- Load average at start (1/5/15 min): " + Machine.loadAverage());
        report.line("- Server: " + config.server().ear().getFileName() + " on WildFly (" + config.server().serverConfig() + "), heap "
                + config.server().sizing() + ", H2 embedded, " + (mail ? "a private Dovecot on IMAP port " + config.mail().dovecotPort()
                + " (no SMTP)" : "GreenMail") + "; HTTPS port " + config.server().httpsPort());
        report.line("- Settings: scenarios " + config.scenarios() + ", EAS " + config.easVersion() + ", budget " + config.maxMinutes() + " min");
        if (config.scenarios().contains("initial-sync") || config.scenarios().contains("incremental-sync")) {
            report.line("- Contacts: initial " + config.initialItems() + " items at windows " + config.initialWindows() + " x"
                    + config.initialRuns() + "; incremental " + config.smallItems() + " vs " + config.largeItems() + " items, "
                    + config.warmup() + "+" + config.repetitions() + " rounds; Add batch " + config.addBatch());
        }
        if (mail) {
            MailSettings m = config.mail();
            report.line("- Mail: initial sync of " + m.initialMessages() + " messages at windows " + m.initialWindows() + " x" + m.initialRuns()
                    + "; incremental " + m.smallMessages() + " vs " + m.largeMessages() + " messages, " + m.warmup() + "+" + m.rounds()
                    + " rounds; " + m.deletedPercent() + " % more loaded and deleted (UID gaps); BodyPreference Type " + m.bodyType()
                    + ", TruncationSize " + m.truncationSize());
        }
        if (config.scenarios().contains("parked-ping")) {
            PingSettings p = config.ping();
            report.line("- Parked Pings: steps " + p.steps() + ", " + p.devicesPerUser() + " devices per user, heartbeat " + p.heartbeatSeconds()
                    + " s, at most " + p.perProcess() + " connections per client process (" + p.agentHeap() + "), " + p.setupConcurrency()
                    + " set-ups at a time per process; wake latency at " + p.wakeAt() + " parked, " + p.wakeChanges() + " changes over "
                    + p.wakeUsers() + " users; idle window " + p.idleSeconds() + " s");
        }
    }

    private static void memory(Report report, BenchContext bench, ServerProbe.GcSummary gc) {
        report.heading("Server CPU and memory");
        report.line("Read between phases (never inside a timed section): the server JVM's CPU time so far, its live heap after a "
                + "forced full GC (jcmd GC.run, GC.heap_info), its resident memory now and at peak.");
        report.table(List.of("after", "server CPU", "live heap", "committed heap", "RSS", "peak RSS", "load avg"), bench.readings());
        report.linef("GC log over the run: %d young pauses, %d full pauses (and %d forced by the probe), heap after GC at most %d MiB, committed at most %d MiB, "
                        + "pauses %s ms in total, longest %s ms.", gc.youngPauses(), gc.fullPauses(), gc.forcedFullPauses(), gc.maxHeapAfterGcMb(), gc.maxCommittedMb(),
                Report.f1(gc.totalPauseMs()), Report.f1(gc.maxPauseMs()));
    }

    /** Ends the JVM (its shutdown hook stops the server) if the run overruns its budget, e.g. on a hung request. */
    private static void startWatchdog(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
                System.err.println("bench: still running " + limit.toMinutes() + " min after the start; stopping");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
