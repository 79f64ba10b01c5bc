package org.syncbridge.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers briefly that a login and password matched a stored hash, so the phone's Basic
 * credentials on every request do not cost a slow hash each time. Keys are HMACs under a key that
 * lives only in this process, so neither logins nor passwords are held. An entry counts only while
 * the account's stored hash is the one it was verified against: a password change, on any node,
 * invalidates it.
 */
public final class VerifiedCredentials {
    private final byte[] key = new byte[32];
    private final Cache<String, String> verified;

    public VerifiedCredentials(long maximumSize, Duration lifetime, Ticker ticker) {
        new SecureRandom().nextBytes(key);
        this.verified = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(lifetime).ticker(ticker).build();
    }

    public boolean contains(String account, String password, String storedHash) {
        return storedHash.equals(verified.getIfPresent(cacheKey(account, password)));
    }

    public void remember(String account, String password, String storedHash) {
        verified.put(cacheKey(account, password), storedHash);
    }

    private String cacheKey(String account, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(account.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
