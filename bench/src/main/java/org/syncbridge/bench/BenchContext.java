package org.syncbridge.bench;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.syncbridge.bench.client.AdminApi;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.Transport;
import org.syncbridge.bench.mail.Dovecot;
import org.syncbridge.bench.server.GcWindow;
import org.syncbridge.bench.server.RunningServer;
import org.syncbridge.bench.server.ServerProbe;
import org.syncbridge.bench.server.StoredState;

/** What a scenario works with: the settings, the budget, the report, the running server and its users and phones. */
public final class BenchContext {
    static final String CONTEXT = "bench.test";

    private final BenchConfig config;
    private final Deadline deadline;
    private final Report report;
    private final RunningServer server;
    private final Transport transport;
    private final AdminApi admin;
    private final Dovecot dovecot;
    private final List<List<String>> readings = new ArrayList<>();
    private final List<Consumer<StoredState>> afterStop = new ArrayList<>();
    private boolean contextMade;

    /** A user's login as phones send it, and its password. */
    public record User(String login, String password) {
    }

    BenchContext(BenchConfig config, Deadline deadline, Report report, RunningServer server, Transport transport, Dovecot dovecot) {
        this.config = config;
        this.dovecot = dovecot;
        this.deadline = deadline;
        this.report = report;
        this.server = server;
        this.transport = transport;
        this.admin = new AdminApi(transport, "admin", server.adminPassword());
    }

    public BenchConfig config() {
        return config;
    }

    public Deadline deadline() {
        return deadline;
    }

    public Report report() {
        return report;
    }

    /** A new user in the benchmark's context, through the admin API. */
    public User newUser(String login) {
        ensureContext();
        String password = "Bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        admin.createUser(CONTEXT, login, password);
        return new User(login + "@" + CONTEXT, password);
    }

    /** A new user whose mail is the IMAP account {@code imapLogin} of the benchmark's Dovecot. */
    public User newMailUser(String login, String imapLogin) {
        ensureContext();
        String password = "Bench-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        admin.createMailUser(CONTEXT, login, password, imapLogin);
        return new User(login + "@" + CONTEXT, password);
    }

    private synchronized void ensureContext() { // users may be made from several threads
        if (!contextMade) {
            admin.createContext(CONTEXT);
            contextMade = true;
        }
    }

    /** The IMAP server the mail scenarios fill; only there when one of them was selected. */
    public Dovecot dovecot() {
        if (dovecot == null) {
            throw new IllegalStateException("no Dovecot: the scenario must say it needs one (Scenario.needsDovecot)");
        }
        return dovecot;
    }

    /** The server's GC log so far: {@link GcWindow#mark} before a timed phase, {@link GcWindow#since} after it. */
    public String gcLog() {
        return server.probe().gcLog();
    }

    /** A reading of what the server stored, done once it has stopped (its H2 database is its own while it runs). */
    public void afterServerStops(Consumer<StoredState> reading) {
        afterStop.add(reading);
    }

    List<Consumer<StoredState>> afterStop() {
        return afterStop;
    }

    /** A phone of {@code user}, not yet provisioned. */
    public EasClient phone(User user, String deviceId) {
        return new EasClient(transport, user.login(), user.password(), deviceId, "Android", config.easVersion());
    }

    /** Reads the server's CPU time and memory now (outside any timed section), and keeps the reading for the report. */
    public ServerProbe.Reading probe(String when) {
        ServerProbe.Reading r = server.probe().read();
        List<String> row = List.of(when, r.cpu().map(d -> Report.f1(d.toMillis() / 1000.0) + " s").orElse("n/a"),
                r.liveHeapKb().map(k -> k / 1024 + " MiB").orElse("n/a"), r.committedHeapKb().map(k -> k / 1024 + " MiB").orElse("n/a"),
                r.rssKb().map(k -> k / 1024 + " MiB").orElse("n/a"), r.peakRssKb().map(k -> k / 1024 + " MiB").orElse("n/a"),
                Machine.loadAverage());
        readings.add(row);
        report.line("- server after " + when + ": CPU " + row.get(1) + ", live heap " + row.get(2) + " (committed " + row.get(3)
                + "), RSS " + row.get(4) + ", load " + row.get(6));
        return r;
    }

    /** Readings of the server JVM beyond {@link #probe}: threads, open files, the live objects by class. */
    public ServerProbe serverProbe() {
        return server.probe();
    }

    /** The machine's 1/5/15 minute load averages: other builds share it. */
    public static String loadAverage() {
        return Machine.loadAverage();
    }

    List<List<String>> readings() {
        return readings;
    }

    RunningServer server() {
        return server;
    }
}
