package org.syncbridge.jms;

import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** One parked request: what it watches and how to answer it. Ends once, by the first of change, expiry or replacement. */
public final class Watch {
    private final long deviceId;
    private final Set<String> keys;
    private final Waiter waiter;
    private final Executor answers;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Expiry expiryTask = new Expiry(this);
    private volatile ScheduledFuture<?> expiry;
    private volatile Runnable onEnd = () -> { };

    /** {@code answers} runs the waiter, so building an answer never holds up the thread that ended the watch. */
    Watch(long deviceId, Set<String> keys, Waiter waiter, Executor answers) {
        this.deviceId = deviceId;
        this.keys = Set.copyOf(keys);
        this.waiter = waiter;
        this.answers = answers;
    }

    long deviceId() {
        return deviceId;
    }

    Set<String> keys() {
        return keys;
    }

    /** What the heartbeat timer runs: schedule this, not the watch itself (see {@link Expiry}). */
    Runnable expiryTask() {
        return expiryTask;
    }

    void expireWith(ScheduledFuture<?> future, Runnable cleanup) {
        this.expiry = future;
        this.onEnd = cleanup;
    }

    /** Answers that {@code changed} keys changed, unless the watch already ended. */
    public void wake(Set<String> changed) {
        if (end()) {
            answers.execute(() -> waiter.changed(changed));
        }
    }

    void expire() {
        if (end()) {
            answers.execute(waiter::expired);
        }
    }

    void replace() {
        if (end()) {
            answers.execute(waiter::replaced);
        }
    }

    public boolean ended() {
        return ended.get();
    }

    private boolean end() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        expiryTask.watch = null;
        ScheduledFuture<?> future = expiry;
        if (future != null) {
            future.cancel(false);
        }
        onEnd.run();
        return true;
    }

    /**
     * The heartbeat timer's task. A cancelled task stays in the container's scheduler queue until its time (the
     * managed executor does not remove cancelled tasks), so a watch ended by a change or a newer request lets go of
     * itself here: otherwise the timer would keep the request, its response and connection state for the rest of
     * the heartbeat (up to an hour) after it was answered.
     */
    static final class Expiry implements Runnable {
        private volatile Watch watch;

        Expiry(Watch watch) {
            this.watch = watch;
        }

        @Override
        public void run() {
            Watch w = watch;
            if (w != null) {
                w.expire();
            }
        }
    }
}
