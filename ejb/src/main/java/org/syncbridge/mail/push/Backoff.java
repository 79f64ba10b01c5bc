package org.syncbridge.mail.push;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before the n-th reconnect: doubling from the minimum up to the maximum, spread by up to a fifth
 * either way, so that the watchers an IMAP restart dropped all at once do not come back all at once.
 */
final class Backoff {
    private Backoff() {
    }

    static Duration delay(int failures, Duration min, Duration max) {
        return spread(base(failures, min, max), ThreadLocalRandom.current().nextDouble(-0.2, 0.2));
    }

    /** The delay before spreading: min · 2^(failures-1), at most max. */
    static Duration base(int failures, Duration min, Duration max) {
        int doublings = Math.min(Math.max(0, failures - 1), 30);
        long millis = min.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    static Duration spread(Duration base, double fraction) {
        return Duration.ofMillis(Math.max(0, Math.round(base.toMillis() * (1 + fraction))));
    }
}
