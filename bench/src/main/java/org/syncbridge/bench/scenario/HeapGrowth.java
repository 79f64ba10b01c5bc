package org.syncbridge.bench.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.syncbridge.bench.server.ClassHistogram;
import org.syncbridge.bench.server.HeapSampler;

/** What the server's heap held more at a sampled phase's peak than before it, as one line of the report. */
final class HeapGrowth {
    private HeapGrowth() {
    }

    static String describe(ClassHistogram before, HeapSampler sampler) {
        return sampler.peak().map(peak -> String.format(Locale.ROOT, "live heap at most %d MiB in %d readings, %d MiB before; at the peak it "
                        + "held %d MiB more, most in %s", peak.totalBytes() >> 20, sampler.samples(), before.totalBytes() >> 20,
                (peak.totalBytes() - before.totalBytes()) >> 20, peak.grownSince(before, 6).stream().map(HeapGrowth::entry)
                        .collect(Collectors.joining(", "))))
                .orElse("no heap reading");
    }

    private static String entry(Map.Entry<String, long[]> e) {
        return String.format(Locale.ROOT, "%s %.1f MiB (%,d)", e.getKey(), e.getValue()[1] / 1048576.0, e.getValue()[0]);
    }
}
