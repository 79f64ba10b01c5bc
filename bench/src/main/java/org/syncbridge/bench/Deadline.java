package org.syncbridge.bench;

import java.time.Duration;

/** The run's time budget: scenarios check it between requests and stop with {@link Exceeded} when it is spent. */
public final class Deadline {
    private final long end;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.end = System.nanoTime() + budget.toNanos();
    }

    public static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    /** Throws if the budget is spent, saying what was being done. */
    public void check(String doing) {
        if (System.nanoTime() >= end) {
            throw new Exceeded("the time budget of " + budget.toMinutes() + " min (bench.max.minutes) ran out while " + doing);
        }
    }

    public static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message);
        }
    }
}
