package org.syncbridge.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GcWindowTest {
    private static final String LOG = """
            [2026-11-23T12:00:01.000+0000][1000ms] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->90M(512M) 4.500ms
            [2026-11-23T12:00:02.000+0000][2000ms] GC(8) Pause Young (Normal) (G1 Evacuation Pause) 200M->60M(400M) 3.000ms
            [2026-11-23T12:00:02.100+0000][2100ms] GC(9) Using 2 workers of 2 for evacuation
            [2026-11-23T12:00:02.200+0000][2200ms] GC(9) Pause Young (Concurrent Start) (G1 Humongous Allocation) 250M->120M(450M) 9.000ms
            [2026-11-23T12:00:02.300+0000][2300ms] GC(10) Pause Remark 260M->258M(450M) 21.587ms
            [2026-11-23T12:00:02.400+0000][2400ms] GC(10) Pause Cleanup 270M->270M(450M) 0.204ms
            [2026-11-23T12:00:03.000+0000][3000ms] GC(11) Pause Full (Diagnostic Command) 130M->80M(450M) 150.300ms
            """;

    @Test
    void onlyTheGcsAfterTheMarkCount() {
        assertEquals(11, GcWindow.mark(LOG));
        assertEquals(-1, GcWindow.mark(""));
        GcWindow w = GcWindow.since(LOG, 7);
        assertEquals(5, w.pauses());
        assertEquals(0, w.fullPauses(), "a forced full GC is the probe's, not the phase's");
        assertEquals(270, w.maxBeforeMb(), "remark and cleanup show the occupancy");
        assertEquals(120, w.maxAfterMb(), "but collect nothing");
        assertEquals(450, w.maxCommittedMb());
        assertTrue(w.complete());
        assertEquals(0, GcWindow.since(LOG, 11).pauses());
    }

    @Test
    void aRotatedAwayStartIsReported() {
        assertFalse(GcWindow.since(LOG, 3).complete());
    }
}
