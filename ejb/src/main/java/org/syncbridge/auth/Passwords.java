package org.syncbridge.auth;

import com.password4j.CompressedPBKDF2Function;
import com.password4j.Password;
import com.password4j.types.Hmac;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 (OWASP's 600,000 iterations) with a random 16-byte salt,
 * through password4j. The stored string carries algorithm, parameters and salt, so older hashes keep
 * verifying when the parameters change.
 */
public final class Passwords {
    private static final CompressedPBKDF2Function CURRENT = CompressedPBKDF2Function.getInstance(Hmac.SHA256, 600_000, 256);

    /** Verified against when no account exists, so a missing account costs the same time as a wrong password. */
    private static final String DUMMY_HASH = hash("no such account");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(CURRENT).getResult();
    }

    public static boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        try {
            return Password.check(password, storedHash).with(CompressedPBKDF2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }

    /** Spends the time of one verification, for accounts that do not exist. */
    public static void burnVerification(String password) {
        matches(password == null ? "" : password, DUMMY_HASH);
    }
}
