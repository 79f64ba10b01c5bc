package org.syncbridge.device;

import java.security.SecureRandom;

/** Policy keys: random positive 32-bit values, as MS-ASPROV asks; never 0, which means "none". */
public final class PolicyKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PolicyKeys() {
    }

    public static long next() {
        return 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
    }
}
