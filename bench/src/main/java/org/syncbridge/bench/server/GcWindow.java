package org.syncbridge.bench.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap during one timed phase, from its GC log (no reading of the JVM inside the phase): every GC
 * numbered after the mark taken before the phase. The occupancy before a pause is the heap in use, garbage included;
 * its maximum is the phase's peak occupancy. After an evacuating pause (young, mixed, full) the heap holds what
 * survived it, and until a concurrent cycle and mixed collections clean the old generation, also the garbage promoted
 * there: so the maximum after a pause bounds the live heap from above, not from below. Remark and cleanup pauses
 * collect nothing and count only for the occupancy.
 *
 * @param pauses         pauses in the phase (young, mixed, remark, cleanup, full)
 * @param fullPauses     full collections not forced by a probe
 * @param maxBeforeMb    the highest heap occupancy at a pause
 * @param maxAfterMb     the highest heap occupancy after an evacuating pause
 * @param maxCommittedMb the most heap the JVM had committed
 * @param complete       false when the log no longer held the first GCs of the phase (rotated away)
 */
public record GcWindow(int pauses, int fullPauses, long maxBeforeMb, long maxAfterMb, long maxCommittedMb, boolean complete) {
    private static final Pattern PAUSE = Pattern.compile("GC\\((\\d+)\\) Pause (Young|Full|Remark|Cleanup)([^\\n]*?) (\\d+)M->(\\d+)M\\((\\d+)M\\) [\\d.]+ms");
    private static final Pattern ID = Pattern.compile("GC\\((\\d+)\\)");

    /** The number of the last GC the log names (-1 before the first): a phase's GCs come after it. */
    public static long mark(String log) {
        long last = -1;
        Matcher m = ID.matcher(log);
        while (m.find()) {
            last = Math.max(last, Long.parseLong(m.group(1)));
        }
        return last;
    }

    /** The pauses of the GCs numbered after {@code mark}. */
    public static GcWindow since(String log, long mark) {
        int pauses = 0;
        int full = 0;
        long before = 0;
        long after = 0;
        long committed = 0;
        long lowest = Long.MAX_VALUE;
        Matcher m = PAUSE.matcher(log);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            lowest = Math.min(lowest, id);
            if (id <= mark) {
                continue;
            }
            pauses++;
            if (m.group(2).equals("Full") && !m.group(3).contains("Diagnostic Command") && !m.group(3).contains("Heap Inspection")
                    && !m.group(3).contains("System.gc()")) {
                full++;
            }
            before = Math.max(before, Long.parseLong(m.group(4)));
            if (m.group(2).equals("Young") || m.group(2).equals("Full")) {
                after = Math.max(after, Long.parseLong(m.group(5)));
            }
            committed = Math.max(committed, Long.parseLong(m.group(6)));
        }
        return new GcWindow(pauses, full, before, after, committed, lowest == Long.MAX_VALUE || lowest <= mark + 1);
    }
}
