package org.syncbridge.web.eas.command;

import java.util.OptionalInt;

/** Integers as EAS requests carry them in text. */
final class Numbers {
    private Numbers() {
    }

    /** A non-negative decimal integer of at most 9 digits, else empty. */
    static OptionalInt nonNegative(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(t));
    }
}
