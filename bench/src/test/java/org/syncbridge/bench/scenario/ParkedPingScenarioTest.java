package org.syncbridge.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncbridge.bench.server.ClassHistogram;

class ParkedPingScenarioTest {

    @Test
    void stepsBeyondTheOpenFileLimitAreCutToIt() {
        assertEquals(List.of(1000, 5000, 10000, 18000), ParkedPingScenario.capped(List.of(1000, 5000, 10000, 18000), 18_900));
        assertEquals(List.of(1000, 5000, 10000, 18000), ParkedPingScenario.capped(List.of(1000, 5000, 10000, 18000, 30000), 18_900));
        assertEquals(List.of(1000, 5000, 10000, 17000), ParkedPingScenario.capped(List.of(1000, 5000, 10000, 18000), 17_999));
        assertThrows(IllegalStateException.class, () -> ParkedPingScenario.capped(List.of(1000), 500));
    }

    @Test
    void memoryPerPingIsTheSlopeOfAStraightLine() {
        ClassHistogram none = new ClassHistogram(Map.of(), 0, 0);
        List<PingReading> readings = List.of(reading(0, 100_000, none), reading(1000, 130_000, none), reading(5000, 250_000, none));
        double[] fit = ParkedPingScenario.fit(readings, r -> r.liveHeapKb());
        assertEquals(100_000, fit[0], 1e-6);
        assertEquals(30, fit[1], 1e-9);
    }

    @Test
    void devicesOfAUserStayInOneProcess() {
        assertArrayEquals(new int[] {9000, 9000}, PingPopulation.perProcess(18_000, 50, 2));
        assertArrayEquals(new int[] {60, 50, 50}, PingPopulation.perProcess(160, 50, 3));
        assertEquals(2, PingPopulation.usersFor(51, 50));
        assertEquals("PB00003D0007", PingPopulation.deviceId(157, 50));
    }

    private static PingReading reading(int parked, long heapKb, ClassHistogram h) {
        return new PingReading(parked, 0, 0, 0, List.of(), 0, 0, 0, 0, heapKb, 0, 0, -1, -1, parked, h, "");
    }
}
