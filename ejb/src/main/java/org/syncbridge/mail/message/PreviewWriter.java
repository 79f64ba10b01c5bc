package org.syncbridge.mail.message;

import java.io.IOException;
import java.io.Writer;

/**
 * Keeps the first characters of a text with its whitespace collapsed to single spaces (MS-ASAIRS Preview), and stops
 * the writer feeding it once it has enough by throwing {@link Enough}.
 */
final class PreviewWriter extends Writer {
    /** Thrown to stop the text's producer early; not an error. */
    static final class Enough extends IOException {
        Enough() {
            super(null, null);
        }
    }

    private final int max;
    private final StringBuilder text = new StringBuilder();
    private boolean space;

    PreviewWriter(int max) {
        this.max = max;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = text.length() > 0;
                continue;
            }
            if (space) {
                keep(' ');
                space = false;
            }
            keep(c);
        }
    }

    private void keep(char c) throws Enough {
        if (text.length() >= max) {
            throw new Enough();
        }
        text.append(c);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    String text() {
        int end = text.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never end on half a character
        }
        return text.substring(0, end);
    }
}
