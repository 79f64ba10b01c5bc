package org.syncbridge.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Slows down password guessing per login without locking the real user out for good. The first
 * {@code freeFailures} failures cost nothing; after that each failure blocks the login for a delay
 * that doubles from {@code firstDelay} up to {@code maxDelay}, during which no password is checked.
 * A success forgets the failures, and so does a quiet hour. Kept per node, in bounded memory.
 */
public final class LoginThrottle {

    /** How failures turn into delays. */
    public record Policy(int freeFailures, Duration firstDelay, Duration maxDelay) {
    }

    private static final class Failures {
        int count;
        long blockedUntilNanos;
    }

    private final Policy policy;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;

    public LoginThrottle(Policy policy, Ticker ticker) {
        this.policy = policy;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(Duration.ofHours(1))
                .ticker(ticker)
                .build();
    }

    /** How long the login must still wait; zero when a password may be checked now. */
    public Duration blockedFor(String login) {
        Failures f = failures.getIfPresent(login);
        if (f == null) {
            return Duration.ZERO;
        }
        synchronized (f) {
            long remaining = f.blockedUntilNanos - ticker.read();
            return remaining > 0 ? Duration.ofNanos(remaining) : Duration.ZERO;
        }
    }

    public void recordFailure(String login) {
        Failures f = failures.get(login, k -> new Failures());
        synchronized (f) {
            f.count++;
            int over = f.count - policy.freeFailures();
            if (over > 0) {
                long delay = policy.firstDelay().toNanos() << Math.min(over - 1, 30);
                long capped = Math.min(delay <= 0 ? Long.MAX_VALUE : delay, policy.maxDelay().toNanos());
                f.blockedUntilNanos = ticker.read() + capped;
            }
        }
        failures.put(login, f); // restarts the quiet-hour expiry
    }

    public void recordSuccess(String login) {
        failures.invalidate(login);
    }
}
