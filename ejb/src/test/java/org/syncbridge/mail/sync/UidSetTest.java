package org.syncbridge.mail.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UidSetTest {

    @Test
    void readsAndWritesSequenceSets() {
        UidSet s = UidSet.parse("7,1:3,4,10:12");
        assertEquals("1:4,7,10:12", s.toString());
        assertEquals(8, s.size());
        assertTrue(s.contains(4));
        assertFalse(s.contains(5));
        assertEquals(UidSet.EMPTY, UidSet.parse(""));
        assertThrows(NumberFormatException.class, () -> UidSet.parse("1:*"));
    }

    @Test
    void setOperationsAgreeWithATreeSet() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            TreeSet<Long> a = randomSet(random);
            TreeSet<Long> b = randomSet(random);
            UidSet ua = UidSet.of(a.stream().mapToLong(Long::longValue).toArray());
            UidSet ub = UidSet.of(b.stream().mapToLong(Long::longValue).toArray());
            TreeSet<Long> union = new TreeSet<>(a);
            union.addAll(b);
            TreeSet<Long> minus = new TreeSet<>(a);
            minus.removeAll(b);
            TreeSet<Long> both = new TreeSet<>(a);
            both.retainAll(b);
            assertEquals(expected(union), ua.with(ub));
            assertEquals(expected(minus), ua.without(ub));
            assertEquals(expected(both), ua.within(ub));
            assertEquals(ua, UidSet.parse(ua.toString()));
        }
    }

    @Test
    void highestComeNewestFirst() {
        UidSet s = UidSet.parse("1:3,8,20:21");
        assertArrayEquals(new long[] {21, 20, 8, 3}, s.highest(4));
        assertArrayEquals(new long[] {21, 20, 8, 3, 2, 1}, s.highest(100));
    }

    @Test
    void aHundredThousandContiguousUidsAreAFewBytes() {
        UidSet s = UidSet.parse("1:100000").without(UidSet.of(500, 70000));
        assertEquals("1:499,501:69999,70001:100000", s.toString());
        assertEquals(99998, s.size());
    }

    private static TreeSet<Long> randomSet(Random random) {
        TreeSet<Long> s = new TreeSet<>();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            s.add(1L + random.nextInt(60));
        }
        return s;
    }

    private static UidSet expected(TreeSet<Long> s) {
        return UidSet.of(s.stream().mapToLong(Long::longValue).toArray());
    }
}
