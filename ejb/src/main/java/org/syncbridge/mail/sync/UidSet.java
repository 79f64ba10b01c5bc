package org.syncbridge.mail.sync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * An immutable set of IMAP UIDs kept as sorted, disjoint ranges, written as an IMAP sequence set
 * ("1:500,502,510:600"). A mailbox's UIDs mostly come in long runs, so a 100,000-message folder
 * usually takes a few bytes; the worst case (every other UID) stays near 7 bytes per UID.
 */
public final class UidSet {
    public static final UidSet EMPTY = new UidSet(new long[0]);

    /** Pairs of first and last UID, ascending, not touching each other. */
    private final long[] ranges;

    private UidSet(long[] ranges) {
        this.ranges = ranges;
    }

    /** Reads an IMAP sequence set of UIDs ("*" is not allowed: the set must be concrete). */
    public static UidSet parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        List<long[]> parts = new ArrayList<>();
        for (String part : text.trim().split(",")) {
            int colon = part.indexOf(':');
            long first = Long.parseLong(colon < 0 ? part : part.substring(0, colon));
            long last = colon < 0 ? first : Long.parseLong(part.substring(colon + 1));
            parts.add(new long[] {Math.min(first, last), Math.max(first, last)});
        }
        parts.sort((x, y) -> Long.compare(x[0], y[0])); // servers need not answer in order
        Builder b = new Builder();
        parts.forEach(r -> b.addRange(r[0], r[1]));
        return b.build();
    }

    public static UidSet of(long... uids) {
        long[] sorted = uids.clone();
        Arrays.sort(sorted);
        Builder b = new Builder();
        for (long uid : sorted) {
            b.addRange(uid, uid);
        }
        return b.build();
    }

    /** The UIDs from {@code first} to {@code last}; empty when last is below first. */
    public static UidSet range(long first, long last) {
        return last < first ? EMPTY : new UidSet(new long[] {first, last});
    }

    /** The highest UID in the set, 0 when it is empty. */
    public long max() {
        return ranges.length == 0 ? 0 : ranges[ranges.length - 1];
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    public long size() {
        long n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += ranges[i + 1] - ranges[i] + 1;
        }
        return n;
    }

    public boolean contains(long uid) {
        int lo = 0;
        int hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (uid < ranges[2 * mid]) {
                hi = mid - 1;
            } else if (uid > ranges[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public UidSet with(UidSet other) {
        return merge(other, Op.UNION);
    }

    public UidSet without(UidSet other) {
        return merge(other, Op.MINUS);
    }

    public UidSet within(UidSet other) {
        return merge(other, Op.INTERSECT);
    }

    public UidSet with(long uid) {
        return with(of(uid));
    }

    public UidSet without(long uid) {
        return without(of(uid));
    }

    /** The highest {@code n} UIDs, highest first (the newest mail of a folder). */
    public long[] highest(int n) {
        long count = Math.min(n, size());
        long[] result = new long[(int) count];
        int k = 0;
        for (int i = ranges.length - 2; i >= 0 && k < count; i -= 2) {
            for (long uid = ranges[i + 1]; uid >= ranges[i] && k < count; uid--) {
                result[k++] = uid;
            }
        }
        return result;
    }

    /** Every UID in ascending order. */
    public void forEach(LongConsumer action) {
        for (int i = 0; i < ranges.length; i += 2) {
            for (long uid = ranges[i]; uid <= ranges[i + 1]; uid++) {
                action.accept(uid);
            }
        }
    }

    /** The IMAP sequence set; empty for an empty set. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 2) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(ranges[i]);
            if (ranges[i + 1] != ranges[i]) {
                s.append(':').append(ranges[i + 1]);
            }
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UidSet u && Arrays.equals(u.ranges, ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }

    private enum Op { UNION, MINUS, INTERSECT }

    /** Sweeps both range lists once: the cost follows the number of ranges, not of UIDs. */
    private UidSet merge(UidSet other, Op op) {
        Builder b = new Builder();
        long[] a = ranges;
        long[] o = other.ranges;
        // boundaries where membership may change
        long[] points = new long[a.length + o.length];
        int p = 0;
        for (int i = 0; i < a.length; i += 2) {
            points[p++] = a[i];
            points[p++] = a[i + 1] + 1;
        }
        for (int i = 0; i < o.length; i += 2) {
            points[p++] = o[i];
            points[p++] = o[i + 1] + 1;
        }
        Arrays.sort(points, 0, p);
        int ia = 0;
        int io = 0;
        for (int k = 0; k < p; k++) {
            long start = points[k];
            if (k + 1 < p && points[k + 1] == start) {
                continue;
            }
            long end = k + 1 < p ? points[k + 1] - 1 : start - 1;
            if (end < start) {
                continue;
            }
            while (ia < a.length && a[ia + 1] < start) {
                ia += 2;
            }
            while (io < o.length && o[io + 1] < start) {
                io += 2;
            }
            boolean inA = ia < a.length && a[ia] <= start;
            boolean inO = io < o.length && o[io] <= start;
            boolean keep = switch (op) {
                case UNION -> inA || inO;
                case MINUS -> inA && !inO;
                case INTERSECT -> inA && inO;
            };
            if (keep) {
                b.addRange(start, end);
            }
        }
        return b.build();
    }

    /** Collects ranges in ascending order, joining those that touch. */
    static final class Builder {
        private long[] out = new long[16];
        private int n;

        void addRange(long first, long last) {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("not a UID range: " + first + ":" + last);
            }
            if (n > 0 && first <= out[n - 1] + 1) {
                out[n - 1] = Math.max(out[n - 1], last);
                return;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = first;
            out[n++] = last;
        }

        UidSet build() {
            return n == 0 ? EMPTY : new UidSet(Arrays.copyOf(out, n));
        }
    }
}
