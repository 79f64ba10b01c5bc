package org.syncbridge.bench.scenario;

import java.util.List;
import org.syncbridge.bench.server.ClassHistogram;

/**
 * The server with {@code parked} Pings parked: read after all of them parked and a forced full GC.
 *
 * @param setupSeconds    wall time to set up and park this step's new devices (users excluded)
 * @param usersSeconds    wall time to make this step's new users (admin API)
 * @param setupNanos      each new device's time from connect to its Ping sent
 * @param setupCpuSeconds server CPU spent while this step's devices were set up and parked
 * @param idleCpuPercent  server CPU while the Pings waited, in % of one core
 * @param offHeapKb       memory the JVM committed outside the heap (Native Memory Tracking), -1 without NMT
 * @param otherKb         of that, NMT's "Other": mostly direct byte buffers; -1 without NMT
 */
record PingReading(int parked, int users, double setupSeconds, double usersSeconds, List<Long> setupNanos, double setupCpuSeconds,
                   double idleCpuPercent, long threads, long openFiles, long liveHeapKb, long committedHeapKb, long rssKb,
                   long offHeapKb, long otherKb, long watches, ClassHistogram histogram, String load) {
}
