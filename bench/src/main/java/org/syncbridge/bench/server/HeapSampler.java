package org.syncbridge.bench.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's live heap while a phase runs: from a thread of its own, every interval, a class histogram (jcmd
 * GC.class_histogram, which runs a full GC first). What a request holds at that moment is live and counted; garbage
 * is not. The histogram of the highest reading shows what the heap held then. The full GCs stop the server, so a
 * phase sampled this way is not timed for its speed.
 */
public final class HeapSampler implements AutoCloseable {
    private final ServerProbe probe;
    private final Duration every;
    private final AtomicInteger samples = new AtomicInteger();
    private volatile ClassHistogram peak;
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
            Optional<ClassHistogram> live = probe.histogram();
            if (stopped) {
                return; // a reading after the phase ended is not the phase's
            }
            live.ifPresent(h -> {
                if (peak == null || h.totalBytes() > peak.totalBytes()) {
                    peak = h;
                }
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
        return peak == null ? 0 : peak.totalBytes() / 1024;
    }

    /** The live objects at the highest reading. */
    public Optional<ClassHistogram> peak() {
        return Optional.ofNullable(peak);
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
