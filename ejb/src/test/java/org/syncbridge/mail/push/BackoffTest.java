package org.syncbridge.mail.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    static final Duration MIN = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void theDelayDoublesFromTheMinimumUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(1), Backoff.base(1, MIN, MAX));
        assertEquals(Duration.ofSeconds(2), Backoff.base(2, MIN, MAX));
        assertEquals(Duration.ofSeconds(256), Backoff.base(9, MIN, MAX));
        assertEquals(MAX, Backoff.base(10, MIN, MAX));
        assertEquals(MAX, Backoff.base(1000, MIN, MAX), "no overflow after many failures");
    }

    @Test
    void theDelayIsSpreadByAtMostAFifth() {
        assertEquals(Duration.ofMillis(800), Backoff.spread(Duration.ofSeconds(1), -0.2));
        assertEquals(Duration.ofMillis(1200), Backoff.spread(Duration.ofSeconds(1), 0.2));
        for (int i = 0; i < 100; i++) {
            long millis = Backoff.delay(3, MIN, MAX).toMillis();
            assertTrue(millis >= 3200 && millis <= 4800, millis + " ms");
        }
    }
}
