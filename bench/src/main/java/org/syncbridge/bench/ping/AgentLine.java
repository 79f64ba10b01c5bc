package org.syncbridge.bench.ping;

import java.util.Arrays;
import java.util.List;

/**
 * One line between the scenario and a client process: a kind, then fields separated by single spaces; a
 * free-text reason is always the last field and may hold spaces. Commands go to the process on its stdin, events
 * come back on its stdout. Times are System.nanoTime() values, which on Linux are CLOCK_MONOTONIC and so
 * comparable between processes of one machine (the scenario checks this with CLOCK).
 */
public record AgentLine(String kind, List<String> fields) {
    // commands
    static final String DEVICE = "DEVICE";
    static final String PARK = "PARK";
    static final String CLOCK = "CLOCK";
    static final String STATS = "STATS";
    static final String CLOSE = "CLOSE";
    // events
    public static final String READY = "READY";
    public static final String PARKED = "PARKED";
    public static final String FAILED = "FAILED";
    public static final String DONE = "DONE";
    public static final String WOKE = "WOKE";
    public static final String REPARKED = "REPARKED";
    public static final String ENDED = "ENDED";
    public static final String CLOSED = "CLOSED";

    /** Kinds whose last field is free text. */
    private static final List<String> WITH_REASON = List.of(FAILED, ENDED);

    public static AgentLine parse(String line) {
        String[] head = line.trim().split(" ", 2);
        String kind = head[0];
        if (head.length == 1) {
            return new AgentLine(kind, List.of());
        }
        if (WITH_REASON.contains(kind)) {
            String[] idAndReason = head[1].split(" ", 2);
            return new AgentLine(kind, List.of(idAndReason[0], idAndReason.length > 1 ? idAndReason[1] : ""));
        }
        return new AgentLine(kind, Arrays.asList(head[1].split(" ")));
    }

    public String field(int i) {
        if (i >= fields.size()) {
            throw new IllegalArgumentException("no field " + i + " in " + this);
        }
        return fields.get(i);
    }

    public long number(int i) {
        return Long.parseLong(field(i));
    }

    static String device(String login, String password, String deviceId) {
        return DEVICE + " " + word(login) + " " + word(password) + " " + word(deviceId);
    }

    static String parked(String deviceId, long setupNanos) {
        return PARKED + " " + deviceId + " " + setupNanos;
    }

    static String failed(String deviceId, String reason) {
        return FAILED + " " + deviceId + " " + oneLine(reason);
    }

    static String done(int parked, int failed) {
        return DONE + " " + parked + " " + failed;
    }

    static String woke(String deviceId, long atNanos) {
        return WOKE + " " + deviceId + " " + atNanos;
    }

    static String reparked(String deviceId, int items) {
        return REPARKED + " " + deviceId + " " + items;
    }

    static String ended(String deviceId, String reason) {
        return ENDED + " " + deviceId + " " + oneLine(reason);
    }

    static String clock(long nanos) {
        return CLOCK + " " + nanos;
    }

    static String stats(int open, long heapUsedKb, long cpuMillis) {
        return STATS + " " + open + " " + heapUsedKb + " " + cpuMillis;
    }

    private static String word(String s) {
        if (s.isEmpty() || s.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("not one word: '" + s + "'");
        }
        return s;
    }

    private static String oneLine(String s) {
        return s == null || s.isBlank() ? "?" : s.replaceAll("\\s+", " ").trim();
    }
}
