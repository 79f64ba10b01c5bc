package org.syncbridge.mail.send;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Puts the quote of the original into a text leaf of the phone's message: into HTML before its {@code </body>},
 * after plain text. The leaf keeps its charset; its bytes around the insertion stay as they are where its transfer
 * encoding allows (7bit, 8bit, binary, and quoted-printable when the closing tag is found as written); base64, and a
 * 7bit leaf that would otherwise need 8-bit bytes or overlong lines, are encoded again with the same content.
 */
final class LeafInsertion {
    private static final byte[] CRLF = {'\r', '\n'};
    /** RFC 5322 2.1.1: at most 998 characters on a line. */
    private static final int MAX_LINE = 998;

    /**
     * What changes in the leaf: edits of the message's bytes and, when the leaf had to be encoded anew as
     * quoted-printable, that encoding (null: unchanged).
     */
    record Change(List<Edit> edits, String newEncoding) {
    }

    private LeafInsertion() {
    }

    /** The ASCII {@code html} into an HTML leaf; empty when its charset does not write ASCII as ASCII or its encoding is unknown. */
    static Optional<Change> html(MimeEntity leaf, String html) throws IOException {
        Charset charset = LeafText.charset(leaf, StandardCharsets.US_ASCII);
        if (!LeafText.asciiCompatible(charset)) {
            return Optional.empty();
        }
        byte[] insert = html.getBytes(StandardCharsets.US_ASCII);
        MailBytes b = leaf.bytes;
        switch (leaf.encoding) {
            case "7bit", "8bit", "binary" -> {
                int at = closingTag(b, leaf.bodyStart, leaf.end).orElse(leaf.end);
                byte[] folded = fold(concat(CRLF, insert, CRLF));
                if (folded != null) {
                    return Optional.of(new Change(List.of(new Edit(at, at, folded)), null));
                }
                byte[] raw = b.slice(leaf.bodyStart, leaf.end);
                return Optional.of(reencoded(leaf, splice(raw, at - leaf.bodyStart, concat(CRLF, insert, CRLF)), "quoted-printable"));
            }
            case "quoted-printable" -> {
                Optional<Integer> at = closingTag(b, leaf.bodyStart, leaf.end);
                if (at.isPresent()) { // "=" CRLF is a soft line break: the decoded text runs on around the insertion
                    byte[] soft = {'=', '\r', '\n'};
                    return Optional.of(new Change(List.of(new Edit(at.get(), at.get(), concat(soft, encode(insert, "quoted-printable"), soft))), null));
                }
                return Optional.of(reencodedHtml(leaf, insert));
            }
            case "base64" -> {
                return Optional.of(reencodedHtml(leaf, insert));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** {@code text} after a plain-text leaf's text; empty when the leaf's charset cannot write it. */
    static Optional<Change> plain(MimeEntity leaf, String text) throws IOException {
        Charset charset = LeafText.charset(leaf, StandardCharsets.US_ASCII);
        if (!charset.newEncoder().canEncode(text)) {
            return Optional.empty();
        }
        byte[] insert = text.getBytes(charset);
        switch (leaf.encoding) {
            case "7bit", "8bit", "binary" -> {
                boolean eightBit = false;
                for (byte c : insert) {
                    eightBit |= c < 0;
                }
                if (longestLine(insert) <= MAX_LINE && !(eightBit && leaf.encoding.equals("7bit"))) {
                    return Optional.of(new Change(List.of(new Edit(leaf.end, leaf.end, insert)), null));
                }
                byte[] raw = leaf.bytes.slice(leaf.bodyStart, leaf.end);
                return Optional.of(reencoded(leaf, concat(raw, insert), "quoted-printable"));
            }
            case "quoted-printable" -> {
                return Optional.of(new Change(List.of(new Edit(leaf.end, leaf.end, concat(CRLF, encode(insert, "quoted-printable")))), null));
            }
            case "base64" -> {
                return Optional.of(reencoded(leaf, concat(LeafText.decoded(leaf), insert), "base64"));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Change reencodedHtml(MimeEntity leaf, byte[] insert) throws IOException {
        byte[] decoded = LeafText.decoded(leaf);
        MailBytes d = MailBytes.of(decoded);
        int at = closingTag(d, 0, decoded.length).orElse(decoded.length);
        return reencoded(leaf, splice(decoded, at, concat(CRLF, insert, CRLF)), leaf.encoding.equals("base64") ? "base64" : "quoted-printable");
    }

    /** The whole body encoded anew; the Content-Transfer-Encoding changes only when {@code encoding} differs. */
    private static Change reencoded(MimeEntity leaf, byte[] content, String encoding) throws IOException {
        byte[] body = encode(content, encoding);
        return new Change(List.of(new Edit(leaf.bodyStart, leaf.end, body)), encoding.equals(leaf.encoding) ? null : encoding);
    }

    /** The last {@code </body} (else {@code </html}), case-insensitive. */
    static Optional<Integer> closingTag(MailBytes b, int from, int to) {
        for (String tag : new String[] {"</body", "</html"}) {
            for (int i = to - tag.length(); i >= from; i--) {
                if (matchesIgnoreCase(b, i, tag)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matchesIgnoreCase(MailBytes b, int at, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            int c = b.at(at + k);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static byte[] encode(byte[] content, String encoding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * 4 / 3 + 16);
        try (OutputStream encoder = MimeUtility.encode(out, encoding)) {
            encoder.write(content);
        } catch (MessagingException e) {
            throw new IOException(e);
        }
        return out.toByteArray();
    }

    /**
     * HTML with every line at most 998 bytes, by turning spaces into line breaks (white space either way outside
     * {@code <pre>}); null when a line has no space to break at.
     */
    static byte[] fold(byte[] ascii) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ascii.length + 64);
        int lineStart = 0;
        while (lineStart < ascii.length) {
            int lineEnd = lineStart;
            while (lineEnd < ascii.length && ascii[lineEnd] != '\n') {
                lineEnd++;
            }
            int from = lineStart;
            while (lineEnd - from > MAX_LINE) {
                int space = -1;
                for (int i = from + MAX_LINE - 1; i > from; i--) {
                    if (ascii[i] == ' ') {
                        space = i;
                        break;
                    }
                }
                if (space < 0) {
                    return null;
                }
                out.write(ascii, from, space - from);
                out.writeBytes(CRLF);
                from = space + 1;
            }
            int next = Math.min(ascii.length, lineEnd + 1);
            out.write(ascii, from, next - from);
            lineStart = next;
        }
        return out.toByteArray();
    }

    private static int longestLine(byte[] text) {
        int longest = 0;
        int length = 0;
        for (byte c : text) {
            if (c == '\n') {
                length = 0;
            } else if (c != '\r') {
                longest = Math.max(longest, ++length);
            }
        }
        return longest;
    }

    private static byte[] splice(byte[] content, int at, byte[] insert) {
        byte[] out = new byte[content.length + insert.length];
        System.arraycopy(content, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(content, at, out, at + insert.length, content.length - at);
        return out;
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : pieces) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
