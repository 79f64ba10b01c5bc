package org.syncbridge.mail.message;

import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words wherever they stand (also inside quoted file names, where mailers put them though
 * the RFC does not allow it) without Jakarta Mail's global switches (mail.mime.decodetext.strict,
 * mail.mime.decodefilename). Adjacent words of one charset are joined before decoding, so a character split
 * between two words comes out whole; the whitespace between adjacent encoded words is dropped (RFC 2047 section 6.2).
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

    private EncodedWords() {
    }

    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int pos = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(pos, m.start());
            String charset = m.group(1);
            int star = charset.indexOf('*'); // RFC 2231 language suffix
            if (star >= 0) {
                charset = charset.substring(0, star);
            }
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = m.group(2).equalsIgnoreCase("B") ? base64(m.group(3)) : q(m.group(3));
            if (bytes == null) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(m.group());
            } else {
                pendingCharset = charset;
                pending.writeBytes(bytes);
            }
            pos = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(pos));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset != null) {
            out.append(new String(pending.toByteArray(), charset(charset)));
        }
        pending.reset();
    }

    static Charset charset(String name) {
        try {
            String java = MimeUtility.javaCharset(name.trim());
            if (java.equalsIgnoreCase("us-ascii") || java.equalsIgnoreCase("ascii")) {
                return Charset.forName("windows-1252"); // 8-bit bytes under an ASCII label: show them, not U+FFFD
            }
            return Charset.forName(java);
        } catch (RuntimeException e) {
            return Charset.forName("windows-1252");
        }
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getMimeDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] q(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c == '=') {
                return null;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
