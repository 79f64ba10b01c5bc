package org.syncbridge.mail.message;

import java.io.IOException;
import java.io.Writer;

/**
 * Lays out text from HTML: collapses whitespace as a browser does, and turns block boundaries and line breaks into
 * newlines written only before the next text (so there are none at the start or the end).
 */
final class TextLayout {
    private final Writer out;
    private int newlines;
    private boolean space;
    private boolean started;

    TextLayout(Writer out) {
        this.out = out;
    }

    /** Text as it appears in the HTML; {@code pre} keeps its whitespace. */
    void text(String s, boolean pre) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (pre) {
                if (c == '\r') {
                    continue;
                }
                if (c == '\n') {
                    newlines++;
                    continue;
                }
                put(c);
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space = started && newlines == 0;
            } else {
                put(c == '\u00A0' ? ' ' : c);
            }
        }
    }

    private void put(char c) throws IOException {
        if (started && newlines > 0) {
            for (int i = 0; i < newlines; i++) {
                out.write('\n');
            }
        } else if (space) {
            out.write(' ');
        }
        newlines = 0;
        space = false;
        started = true;
        out.write(c);
    }

    /** A line break (br): one more newline. */
    void lineBreak() {
        newlines = Math.min(newlines + 1, 2);
        space = false;
    }

    /** A block's edge (div, li, tr): the next text starts a line. */
    void block() {
        newlines = Math.max(newlines, 1);
        space = false;
    }

    /** A paragraph's edge (p, h1, table, blockquote): a blank line before the next text. */
    void paragraph() {
        newlines = 2;
        space = false;
    }
}
