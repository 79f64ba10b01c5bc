package org.syncbridge.bench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Readings of the server JVM between measured phases: CPU time used, resident memory (Linux /proc), and the
 * live heap after a full GC (jcmd). Never called inside a timed section: the forced GC would be measured.
 */
public final class ServerProbe {
    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB");
    private static final Pattern NMT_CATEGORY = Pattern.compile("(?m)^-\\s+([A-Za-z][A-Za-z ]*?)\\s+\\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern HEAP_LINE = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    /** A JDK unified GC log pause line, e.g. "GC(12) Pause Young (Normal) (G1 Evacuation Pause) 120M->40M(256M) 5.1ms". */
    static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause (Young|Full|Remark|Cleanup)([^\\n]*?) (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    private final RunningServer server;

    ServerProbe(RunningServer server) {
        this.server = server;
    }

    /** One reading; parts the platform cannot give are absent. */
    public record Reading(Optional<Duration> cpu, Optional<Long> rssKb, Optional<Long> peakRssKb, Optional<Long> liveHeapKb,
                          Optional<Long> committedHeapKb) {
    }

    public Reading read() {
        Optional<ProcessHandle> jvm = server.serverJvm();
        Optional<Duration> cpu = jvm.flatMap(p -> p.info().totalCpuDuration());
        Optional<Long> rss = jvm.flatMap(p -> procStatus(p.pid(), "VmRSS"));
        Optional<Long> hwm = jvm.flatMap(p -> procStatus(p.pid(), "VmHWM"));
        Optional<long[]> heap = jvm.flatMap(p -> {
            jcmd(p.pid(), "GC.run");
            return jcmd(p.pid(), "GC.heap_info").flatMap(ServerProbe::heap);
        });
        return new Reading(cpu, rss, hwm, heap.map(h -> h[1]), heap.map(h -> h[0]));
    }

    /** The server JVM's CPU time so far. */
    public Optional<Duration> cpu() {
        return server.serverJvm().flatMap(p -> p.info().totalCpuDuration());
    }

    /** The server JVM's threads now: flat while Pings park if no request holds a thread. */
    public Optional<Long> threads() {
        return server.serverJvm().flatMap(p -> procStatus(p.pid(), "Threads"));
    }

    public Optional<Long> rssKb() {
        return server.serverJvm().flatMap(p -> procStatus(p.pid(), "VmRSS"));
    }

    /** File descriptors the server JVM holds now (sockets, jars, database files, ...). */
    public Optional<Long> openFiles() {
        return server.serverJvm().flatMap(p -> {
            try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(p.pid()), "fd"))) {
                return Optional.of(fds.count());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** The server JVM's limit on open files (the soft limit, which the JVM raises to the hard one). */
    public Optional<Long> openFileLimit() {
        return server.serverJvm().flatMap(p -> {
            try {
                return Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "limits")).stream()
                        .filter(l -> l.startsWith("Max open files")).findFirst()
                        .map(l -> Long.parseLong(l.substring("Max open files".length()).trim().split("\\s+")[0]));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Committed memory by Native Memory Tracking category in KiB ("Total", "Java Heap", "Other" for direct buffers,
     * "Thread", ...); empty unless the server runs with -XX:NativeMemoryTracking=summary.
     */
    public Optional<Map<String, Long>> nativeMemory() {
        return server.serverJvm().flatMap(p -> jcmd(p.pid(), "VM.native_memory summary scale=KB")).flatMap(ServerProbe::nativeMemory);
    }

    static Optional<Map<String, Long>> nativeMemory(String summary) {
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher total = NMT_TOTAL.matcher(summary);
        if (!total.find()) {
            return Optional.empty();
        }
        committed.put("Total", Long.parseLong(total.group(1)));
        Matcher m = NMT_CATEGORY.matcher(summary);
        while (m.find()) {
            committed.put(m.group(1).trim(), Long.parseLong(m.group(2)));
        }
        return Optional.of(committed);
    }

    /** The live objects by class, after the full GC the histogram runs first. */
    public Optional<ClassHistogram> histogram() {
        return server.serverJvm().flatMap(p -> jcmd(p.pid(), "GC.class_histogram", Duration.ofMinutes(5))).map(ClassHistogram::parse);
    }

    /** {committed, used} in KiB from jcmd GC.heap_info. */
    static Optional<long[]> heap(String heapInfo) {
        Matcher m = HEAP_LINE.matcher(heapInfo);
        return m.find() ? Optional.of(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))}) : Optional.empty();
    }

    private static Optional<Long> procStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return Optional.empty();
    }

    private Optional<String> jcmd(long pid, String command) {
        return jcmd(pid, command, Duration.ofSeconds(60));
    }

    private Optional<String> jcmd(long pid, String command, Duration timeout) {
        Path jcmd = server.settings().javaHome().resolve("bin/jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** What the server's GC log says over the whole run. */
    /** Pauses by kind; forced full GCs (the probe's own jcmd GC.run) are counted apart from those the load caused. */
    public record GcSummary(int youngPauses, int fullPauses, int forcedFullPauses, long maxHeapAfterGcMb, long maxCommittedMb, double totalPauseMs,
                            double maxPauseMs) {
    }

    public GcSummary gcSummary() {
        return gcSummary(gcLog());
    }

    /** All of the server's GC log that is still there (WildFly rotates it over five files). */
    public String gcLog() {
        try (Stream<Path> logs = Files.list(server.settings().logDir())) {
            List<Path> files = logs.filter(p -> p.getFileName().toString().startsWith("gc.log")).sorted().toList();
            StringBuilder all = new StringBuilder();
            for (Path f : files) {
                all.append(Files.readString(f, StandardCharsets.UTF_8)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            return "";
        }
    }

    static GcSummary gcSummary(String log) {
        int young = 0;
        int full = 0;
        int forced = 0;
        long maxAfter = 0;
        long maxCommitted = 0;
        double total = 0;
        double max = 0;
        Matcher m = PAUSE.matcher(log);
        while (m.find()) {
            // jcmd GC.run, System.gc(), and the full GC a class histogram runs first
            boolean isForced = m.group(2).contains("Diagnostic Command") || m.group(2).contains("System.gc()")
                    || m.group(2).contains("Heap Inspection Initiated GC");
            if (m.group(1).equals("Full")) {
                if (isForced) {
                    forced++;
                } else {
                    full++;
                }
            } else if (m.group(1).equals("Young")) {
                young++;
            }
            maxAfter = Math.max(maxAfter, Long.parseLong(m.group(4)));
            maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(5)));
            double ms = Double.parseDouble(m.group(6));
            total += ms;
            max = Math.max(max, ms);
        }
        return new GcSummary(young, full, forced, maxAfter, maxCommitted, total, max);
    }
}
