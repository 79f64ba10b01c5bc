package org.syncbridge.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.syncbridge.bench.server.ServerSettings;

/**
 * The run's settings, from system properties (bench/pom.xml passes them; -Dbench.x=... on the mvn command line
 * overrides). Every count and the time budget have an upper bound, so no setting makes a run unbounded.
 */
public record BenchConfig(ServerSettings server, Path resultsDir, List<String> scenarios, int initialItems, List<Integer> initialWindows,
                          int initialRuns, int smallItems, int largeItems, int warmup, int repetitions, int addBatch, String easVersion,
                          int maxMinutes, PingSettings ping, MailSettings mail) {
    public static final int MAX_ITEMS = 1_000_000;
    public static final int MAX_REPETITIONS = 100_000;
    /** MS-ASCMD: a Sync WindowSize is 1 to 512. */
    public static final int MAX_WINDOW = 512;

    public static BenchConfig from(Properties p) {
        ServerSettings server = new ServerSettings(path(p, "bench.jboss.home"), path(p, "bench.java.home"),
                p.getProperty("bench.server.config", "standalone-full.xml"), path(p, "bench.run.script"), path(p, "bench.ear"),
                path(p, "bench.greenmail.jar"), path(p, "bench.base.dir"), bounded(p, "bench.port.offset", 400, 0, 50_000),
                bounded(p, "bench.imap.port", 3543, 1, 65_535), bounded(p, "bench.smtp.port", 3425, 1, 65_535),
                p.getProperty("bench.server.sizing", "-Xms64m -Xmx512m"), Boolean.parseBoolean(p.getProperty("bench.db.trace", "false").trim()),
                false);
        List<Integer> windows = Arrays.stream(p.getProperty("bench.initial.windows", "100,512").split(","))
                .map(String::trim).map(w -> bounded("bench.initial.windows", w, 1, MAX_WINDOW)).toList();
        return new BenchConfig(server, path(p, "bench.results.dir"),
                Arrays.stream(p.getProperty("bench.scenarios", "initial-sync,incremental-sync").split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList(),
                bounded(p, "bench.initial.items", 10_000, 1, MAX_ITEMS), windows, bounded(p, "bench.initial.runs", 3, 1, 100),
                bounded(p, "bench.incremental.small", 100, 1, MAX_ITEMS), bounded(p, "bench.incremental.large", 100_000, 1, MAX_ITEMS),
                bounded(p, "bench.incremental.warmup", 20, 0, MAX_REPETITIONS),
                bounded(p, "bench.incremental.repetitions", 500, 1, MAX_REPETITIONS),
                bounded(p, "bench.add.batch", 100, 1, 1000), p.getProperty("bench.eas.version", "14.1"),
                bounded(p, "bench.max.minutes", 90, 1, 24 * 60), PingSettings.from(p),
                MailSettings.from(p));
    }

    private static Path path(Properties p, String name) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set (bench/pom.xml's -Pbench passes it)");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    static int bounded(Properties p, String name, int fallback, int min, int max) {
        String value = p.getProperty(name);
        return value == null || value.isBlank() ? fallback : bounded(name, value.trim(), min, max);
    }

    static int bounded(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }
}
