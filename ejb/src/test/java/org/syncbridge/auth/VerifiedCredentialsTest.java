package org.syncbridge.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    final LoginThrottleTest.ManualTicker clock = new LoginThrottleTest.ManualTicker();
    final VerifiedCredentials verified = new VerifiedCredentials(100, Duration.ofMinutes(5), clock);

    @Test
    void vouchesOnlyForTheSameAccountPasswordAndStoredHash() {
        verified.remember("user:alice@example.org", "pw", "hash-1");
        assertTrue(verified.contains("user:alice@example.org", "pw", "hash-1"));
        assertFalse(verified.contains("user:alice@example.org", "other", "hash-1"));
        assertFalse(verified.contains("user:bob", "pw", "hash-1"));
        assertFalse(verified.contains("user:alice@example.org", "pw", "hash-2"), "a new password hash ends it");
    }

    @Test
    void forgetsAfterItsLifetime() {
        verified.remember("user:bob", "pw", "hash");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertFalse(verified.contains("user:bob", "pw", "hash"));
    }

    @Test
    void accountAndPasswordCannotBeShiftedIntoEachOther() {
        verified.remember("user:ab", "c", "hash");
        assertFalse(verified.contains("user:a", "bc", "hash"));
    }
}
