package org.syncbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static List<Long> millis(long... ms) {
        return LongStream.of(ms).map(m -> m * 1_000_000).boxed().toList();
    }

    @Test
    void percentilesAreNearestRankAndOrderDoesNotMatter() {
        List<Long> hundred = new ArrayList<>(LongStream.rangeClosed(1, 100).map(m -> m * 1_000_000).boxed().toList());
        Collections.shuffle(hundred, new java.util.Random(1));
        Stats s = Stats.ofNanos(hundred);
        assertEquals(100, s.count());
        assertEquals(1.0, s.minMs());
        assertEquals(50.0, s.medianMs());
        assertEquals(95.0, s.p95Ms());
        assertEquals(100.0, s.maxMs());
        assertEquals(50.5, s.meanMs());
    }

    @Test
    void aFewSamplesGiveMeasuredValuesNotInterpolatedOnes() {
        Stats s = Stats.ofNanos(millis(10, 20, 30, 1000));
        assertEquals(20.0, s.medianMs());
        assertEquals(1000.0, s.p95Ms(), "with 4 samples p95 is the largest");
        assertEquals(7.0, Stats.ofNanos(millis(7)).p95Ms());
        assertThrows(IllegalArgumentException.class, () -> Stats.ofNanos(List.of()));
    }

    @Test
    void medianOfPlainNumbers() {
        assertEquals(2.0, Stats.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }
}
