package org.syncbridge.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aHashVerifiesItsPasswordOnly() {
        String hash = Passwords.hash("Correct horse ✓");
        assertTrue(Passwords.matches("Correct horse ✓", hash));
        assertFalse(Passwords.matches("correct horse ✓", hash));
        assertFalse(Passwords.matches("", hash));
        assertFalse(Passwords.matches(null, hash));
    }

    @Test
    void theHashHoldsNeitherThePasswordNorTheSameSaltTwice() {
        String first = Passwords.hash("secret-pw");
        String second = Passwords.hash("secret-pw");
        assertFalse(first.contains("secret-pw"));
        assertNotEquals(first, second);
        assertTrue(Passwords.matches("secret-pw", second));
    }

    @Test
    void aMalformedStoredHashMatchesNothing() {
        assertFalse(Passwords.matches("x", "not a hash"));
        assertFalse(Passwords.matches("x", ""));
        assertFalse(Passwords.matches("x", null));
    }
}
