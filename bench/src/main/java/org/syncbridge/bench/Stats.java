package org.syncbridge.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of measured durations. Percentiles are nearest-rank: p95 is the smallest sample that at least 95 %
 * of the samples do not exceed, always one of the measured values.
 */
public record Stats(int count, double minMs, double medianMs, double p95Ms, double maxMs, double meanMs) {

    public static Stats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, ms(sorted[0]), ms(percentile(sorted, 50)), ms(percentile(sorted, 95)),
                ms(sorted[sorted.length - 1]), ms(Arrays.stream(sorted).sum() / (double) sorted.length));
    }

    /** The nearest-rank percentile {@code p} of {@code nanos}, in ms. */
    public static double percentileMs(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        return ms(percentile(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), p));
    }

    /** Nearest rank: the value at rank ceil(p/100 * n), 1-based. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }

    /** The median of plain numbers (e.g. items per second of several runs). */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
