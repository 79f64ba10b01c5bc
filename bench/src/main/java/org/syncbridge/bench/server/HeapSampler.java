package org.syncbridge.bench.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's live heap while a phase runs: from a thread of its own, every interval, a forced full GC and a heap
 * reading (jcmd GC.run, GC.heap_info). What a request holds at that moment is live and counted; garbage is not. The
 * full GCs stop the server, so a phase sampled this way is not timed for its speed.
 */
public final class HeapSampler implements AutoCloseable {
    private final ServerProbe probe;
    private final Duration every;
    private final AtomicLong maxKb = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;

    public HeapSampler(ServerProbe probe, Duration every) {
        this.probe = probe;
        this.every = every;
        this.thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (!stopped) {
            Optional<Long> live = probe.liveHeapKb();
            if (stopped) {
                return; // a reading after the phase ended is not the phase's
            }
            live.ifPresent(kb -> {
                maxKb.accumulateAndGet(kb, Math::max);
                samples.incrementAndGet();
            });
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest live heap read, in KiB (0 before the first reading). */
    public long maxLiveKb() {
        return maxKb.get();
    }

    public int samples() {
        return samples.get();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofMinutes(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
