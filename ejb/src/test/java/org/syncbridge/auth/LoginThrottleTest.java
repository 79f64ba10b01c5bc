package org.syncbridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualTicker implements Ticker {
        long nanos;

        @Override
        public long read() {
            return nanos;
        }

        void advance(Duration d) {
            nanos += d.toNanos();
        }
    }

    final ManualTicker clock = new ManualTicker();
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(8)), clock);

    @Test
    void theFreeFailuresCostNothing() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("alice");
            assertEquals(Duration.ZERO, throttle.blockedFor("alice"));
        }
    }

    @Test
    void furtherFailuresBlockForADoublingDelayUpToTheMaximum() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("alice");
        }
        long[] expectedSeconds = {1, 2, 4, 8, 8, 8};
        for (long seconds : expectedSeconds) {
            throttle.recordFailure("alice");
            assertEquals(Duration.ofSeconds(seconds), throttle.blockedFor("alice"));
            clock.advance(Duration.ofSeconds(seconds));
            assertEquals(Duration.ZERO, throttle.blockedFor("alice"), "never locked for good");
        }
    }

    @Test
    void theBlockShrinksAsTimePasses() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("alice");
        }
        clock.advance(Duration.ofMillis(1500));
        Duration left = throttle.blockedFor("alice");
        assertTrue(left.compareTo(Duration.ZERO) > 0 && left.compareTo(Duration.ofMillis(2500)) <= 0, left.toString());
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("alice");
        }
        throttle.recordSuccess("alice");
        throttle.recordFailure("alice");
        assertEquals(Duration.ZERO, throttle.blockedFor("alice"));
    }

    @Test
    void aQuietHourForgetsTheFailures() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("alice");
        }
        clock.advance(Duration.ofMinutes(61));
        throttle.recordFailure("alice");
        assertEquals(Duration.ZERO, throttle.blockedFor("alice"), "counting starts again");
    }

    @Test
    void oneLoginsFailuresDoNotSlowDownAnother() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("mallory-target");
        }
        assertTrue(throttle.blockedFor("mallory-target").compareTo(Duration.ZERO) > 0);
        assertEquals(Duration.ZERO, throttle.blockedFor("bob"));
    }
}
