package org.syncbridge.bench.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerProbeTest {

    @Test
    void readsHeapFromJcmd() {
        String g1 = """
                12345:
                 garbage-first heap   total 262144K, used 94571K [0x00000000e0000000, 0x0000000100000000)
                  region size 1024K, 12 young (12288K), 2 survivors (2048K)
                 Metaspace       used 120000K, committed 121000K, reserved 1179648K
                """;
        assertArrayEquals(new long[] {262144, 94571}, ServerProbe.heap(g1).orElseThrow());
        assertTrue(ServerProbe.heap("12345:\nAttach failed").isEmpty());
    }

    @Test
    void summarisesTheGcLogAndTellsForcedFullPausesApart() {
        String log = """
                [2026-11-23T12:00:01.000+0000][1000ms] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->6M(64M) 4.500ms
                [2026-11-23T12:00:02.000+0000][2000ms] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 300M->120M(400M) 12.000ms
                [2026-11-23T12:00:02.100+0000][2100ms] GC(2) Pause Remark 130M->130M(400M) 1.200ms
                [2026-11-23T12:00:03.000+0000][3000ms] GC(3) Pause Full (Diagnostic Command) 140M->90M(400M) 150.300ms
                [2026-11-23T12:00:03.500+0000][3500ms] GC(4) Pause Full (Heap Inspection Initiated GC) 95M->90M(400M) 100.000ms
                [2026-11-23T12:00:04.000+0000][4000ms] GC(4) Pause Full (G1 Compaction Pause) 500M->480M(512M) 900.000ms
                [2026-11-23T12:00:04.000+0000][4000ms] GC(4) Using 2 workers of 2 for full compaction
                """;
        ServerProbe.GcSummary gc = ServerProbe.gcSummary(log);
        assertEquals(2, gc.youngPauses());
        assertEquals(1, gc.fullPauses());
        assertEquals(2, gc.forcedFullPauses());
        assertEquals(480, gc.maxHeapAfterGcMb());
        assertEquals(512, gc.maxCommittedMb());
        assertEquals(900.0, gc.maxPauseMs());
        assertEquals(1168.0, gc.totalPauseMs(), 0.001);
    }

    @Test
    void readsNativeMemoryTrackingsCommittedMemoryByCategory() {
        String summary = """
                12345:

                Native Memory Tracking:

                Total: reserved=6134548KB, committed=1282932KB
                -                 Java Heap (reserved=4194304KB, committed=1048576KB)
                                            (mmap: reserved=4194304KB, committed=1048576KB)

                -                     Class (reserved=1056943KB, committed=12975KB)
                -                    Thread (reserved=190541KB, committed=20493KB)
                -                     Other (reserved=41216KB, committed=41216KB)
                """;
        var nmt = ServerProbe.nativeMemory(summary).orElseThrow();
        assertEquals(1_282_932L, nmt.get("Total"));
        assertEquals(1_048_576L, nmt.get("Java Heap"));
        assertEquals(41_216L, nmt.get("Other"));
        assertEquals(20_493L, nmt.get("Thread"));
        assertTrue(ServerProbe.nativeMemory("12345:\nNative memory tracking is not enabled").isEmpty());
    }
}
