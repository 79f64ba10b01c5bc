package org.syncbridge.bench.server;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of the server JVM by class (jcmd GC.class_histogram, which runs a full GC first): how many
 * requests the push hub holds and what a parked request is made of. A class loaded by several class loaders
 * shows once, summed.
 */
public record ClassHistogram(Map<String, long[]> byClass, long totalInstances, long totalBytes) {
    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);

    public static ClassHistogram parse(String text) {
        Map<String, long[]> rows = new HashMap<>();
        Matcher m = ROW.matcher(text);
        while (m.find()) {
            long[] row = rows.computeIfAbsent(m.group(3), k -> new long[2]);
            row[0] += Long.parseLong(m.group(1));
            row[1] += Long.parseLong(m.group(2));
        }
        Matcher t = TOTAL.matcher(text);
        if (!t.find()) {
            throw new IllegalArgumentException("not a class histogram (no Total line)");
        }
        return new ClassHistogram(Map.copyOf(rows), Long.parseLong(t.group(1)), Long.parseLong(t.group(2)));
    }

    /** The {@code top} classes whose live bytes grew most since {@code before}: class name to {instances, bytes} grown. */
    public java.util.List<Map.Entry<String, long[]>> grownSince(ClassHistogram before, int top) {
        return byClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0] - before.instances(e.getKey()), e.getValue()[1] - before.bytes(e.getKey())}))
                .filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(top).toList();
    }

    public long instances(String className) {
        long[] row = byClass.get(className);
        return row == null ? 0 : row[0];
    }

    public long bytes(String className) {
        long[] row = byClass.get(className);
        return row == null ? 0 : row[1];
    }
}
