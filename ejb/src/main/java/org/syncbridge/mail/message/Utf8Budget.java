package org.syncbridge.mail.message;

import java.io.ByteArrayOutputStream;
import java.io.Writer;

/**
 * Encodes what is written as UTF-8, counts every byte, and keeps only the first {@code limit} bytes, cut on a
 * character boundary: so the whole body's size is known exactly while at most the kept part is held.
 */
final class Utf8Budget extends Writer {
    private final long limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;
    private boolean full;
    private char highSurrogate;

    Utf8Budget(long limit) {
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (highSurrogate != 0) {
                char high = highSurrogate;
                highSurrogate = 0;
                if (Character.isLowSurrogate(c)) {
                    codePoint(Character.toCodePoint(high, c));
                    continue;
                }
                codePoint(0xFFFD);
            }
            if (Character.isHighSurrogate(c)) {
                highSurrogate = c;
            } else {
                codePoint(Character.isLowSurrogate(c) ? 0xFFFD : c);
            }
        }
    }

    private void codePoint(int cp) {
        int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        total += n;
        if (full || kept.size() + n > limit) {
            full = true; // a later, shorter character must not jump the gap
            return;
        }
        if (n == 1) {
            kept.write(cp);
        } else if (n == 2) {
            kept.write(0xC0 | cp >> 6);
            kept.write(0x80 | cp & 0x3F);
        } else if (n == 3) {
            kept.write(0xE0 | cp >> 12);
            kept.write(0x80 | cp >> 6 & 0x3F);
            kept.write(0x80 | cp & 0x3F);
        } else {
            kept.write(0xF0 | cp >> 18);
            kept.write(0x80 | cp >> 12 & 0x3F);
            kept.write(0x80 | cp >> 6 & 0x3F);
            kept.write(0x80 | cp & 0x3F);
        }
    }

    @Override
    public void flush() {
    }

    /** Ends the text: a high surrogate left alone counts as U+FFFD. */
    @Override
    public void close() {
        if (highSurrogate != 0) {
            highSurrogate = 0;
            codePoint(0xFFFD);
        }
    }

    long total() {
        return total;
    }

    boolean truncated() {
        return full;
    }

    byte[] bytes() {
        return kept.toByteArray();
    }
}
