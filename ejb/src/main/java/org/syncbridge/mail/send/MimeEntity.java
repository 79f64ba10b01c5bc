package org.syncbridge.mail.send;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One MIME entity of a mail as byte ranges: its header fields, its body and, for a multipart, its parts. Read only
 * to find where things are; whatever is sent on is copied from these ranges, never rebuilt.
 *
 * <p>Read strictly (the phone's message), anything that is not MIME is an {@link InvalidMime}; read leniently (an
 * original from the IMAP server) the oddities mail in the wild has are taken as they come.
 */
final class MimeEntity {
    private static final int MAX_DEPTH = 30;

    /** A header field: its name and unfolded value, and the bytes of its lines, line ends included. */
    record Field(String name, String value, int start, int end) {
        boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }

        /** One of the fields that describe the content (RFC 2045), which move with the body when it is wrapped. */
        boolean describesContent() {
            return name.regionMatches(true, 0, "Content-", 0, 8);
        }
    }

    final MailBytes bytes;
    final int start;
    /** Where the header fields end: the blank line, or the end of the entity when it has none. */
    final int headerEnd;
    final int bodyStart;
    final int end;
    final List<Field> fields;
    /** Lower-case "type/subtype"; text/plain when the entity names none or one that cannot be read (RFC 2045 5.2). */
    final String type;
    final ContentType contentType;
    /** Lower-case Content-Transfer-Encoding, 7bit when absent. */
    final String encoding;
    /** Lower-case disposition ("attachment", "inline"), or null. */
    final String disposition;
    final List<MimeEntity> parts;

    private MimeEntity(MailBytes bytes, int start, int end, int depth, boolean strict) throws InvalidMime {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        List<Field> read = new ArrayList<>();
        int[] bounds = readFields(bytes, start, end, strict, read);
        this.fields = List.copyOf(read);
        this.headerEnd = bounds[0];
        this.bodyStart = bounds[1];
        ContentType ct = null;
        Optional<Field> typeField = field("Content-Type");
        if (typeField.isPresent()) {
            try {
                ct = new ContentType(typeField.get().value());
            } catch (ParseException e) {
                if (strict && depth == 0) {
                    throw new InvalidMime("unreadable Content-Type: " + typeField.get().value());
                }
            }
        }
        this.contentType = ct;
        this.type = ct == null ? "text/plain" : ct.getBaseType().toLowerCase(Locale.ROOT);
        this.encoding = field("Content-Transfer-Encoding").map(f -> f.value().trim().toLowerCase(Locale.ROOT)).orElse("7bit");
        String disp = null;
        Optional<Field> dispositionField = field("Content-Disposition");
        if (dispositionField.isPresent()) {
            try {
                disp = new ContentDisposition(dispositionField.get().value()).getDisposition();
                disp = disp == null ? null : disp.toLowerCase(Locale.ROOT);
            } catch (ParseException e) {
                disp = null;
            }
        }
        this.disposition = disp;
        this.parts = type.startsWith("multipart/") ? readParts(depth, strict) : List.of();
    }

    /** The whole mail. */
    static MimeEntity message(MailBytes bytes, boolean strict) throws InvalidMime {
        MimeEntity m = new MimeEntity(bytes, 0, bytes.length(), 0, strict);
        if (strict && m.fields.isEmpty()) {
            throw new InvalidMime("the message has no header");
        }
        return m;
    }

    Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.is(name)).findFirst();
    }

    List<Field> fields(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }

    boolean isMultipart() {
        return type.startsWith("multipart/");
    }

    boolean isAttachment() {
        return "attachment".equals(disposition);
    }

    String subtype() {
        return type.substring(type.indexOf('/') + 1);
    }

    /** The charset parameter, or null. */
    String charset() {
        return contentType == null ? null : contentType.getParameter("charset");
    }

    /** Every leaf below (or this entity, when it is one), in order. */
    List<MimeEntity> leaves() {
        List<MimeEntity> all = new ArrayList<>();
        collectLeaves(all);
        return all;
    }

    private void collectLeaves(List<MimeEntity> all) {
        if (parts.isEmpty()) {
            all.add(this);
        } else {
            parts.forEach(p -> p.collectLeaves(all));
        }
    }

    /**
     * Reads the header fields into {@code fields}; answers where they end and where the body starts. Unfolding keeps
     * the white space a folded line starts with (RFC 5322 2.2.3).
     */
    private static int[] readFields(MailBytes b, int start, int end, boolean strict, List<Field> fields) throws InvalidMime {
        int position = start;
        String name = null;
        StringBuilder value = null;
        int fieldStart = -1;
        while (position < end) {
            int next = b.lineEnd(position, end);
            int contentEnd = contentEnd(b, position, next);
            if (contentEnd == position) {
                if (name != null) {
                    fields.add(new Field(name, value.toString(), fieldStart, position));
                }
                return new int[] {position, next};
            }
            byte first = b.at(position);
            if ((first == ' ' || first == '\t') && name != null) {
                value.append(text(b, position, contentEnd));
            } else {
                if (name != null) {
                    fields.add(new Field(name, value.toString(), fieldStart, position));
                    name = null;
                }
                int colon = nameEnd(b, position, contentEnd);
                if (colon < 0) {
                    if (strict) {
                        throw new InvalidMime("a header line is no field: " + text(b, position, Math.min(contentEnd, position + 60)));
                    }
                    if (position == start) {
                        return new int[] {start, start}; // no header at all: all of it is body
                    }
                    position = next;
                    continue;
                }
                name = text(b, position, colon);
                value = new StringBuilder(text(b, colon + 1, contentEnd).stripLeading());
                fieldStart = position;
            }
            position = next;
        }
        if (name != null) {
            fields.add(new Field(name, value.toString(), fieldStart, end));
        }
        return new int[] {end, end};
    }

    /** The end of a line's content, before its CRLF or LF. */
    static int contentEnd(MailBytes b, int lineStart, int next) {
        int e = next;
        if (e > lineStart && b.at(e - 1) == '\n') {
            e--;
        }
        if (e > lineStart && b.at(e - 1) == '\r') {
            e--;
        }
        return e;
    }

    /** The colon after a field name of printable ASCII, or -1. */
    private static int nameEnd(MailBytes b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b.at(i);
            if (c == ':') {
                return i > from ? i : -1;
            }
            if (c < 33 || c > 126) {
                return -1;
            }
        }
        return -1;
    }

    /** Header text: UTF-8 where it is valid (RFC 6532), else Latin-1 as it came. */
    static String text(MailBytes b, int from, int to) {
        byte[] raw = b.slice(from, to);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    /** The body parts between the boundary delimiters (RFC 2046 5.1.1); the line end before a delimiter is the delimiter's. */
    private List<MimeEntity> readParts(int depth, boolean strict) throws InvalidMime {
        String boundary = contentType.getParameter("boundary");
        if (boundary == null || boundary.isEmpty() || depth >= MAX_DEPTH) {
            if (strict) {
                throw new InvalidMime(depth >= MAX_DEPTH ? "multiparts nested too deep" : "a multipart without boundary");
            }
            return List.of();
        }
        String dash = "--" + boundary;
        List<MimeEntity> found = new ArrayList<>();
        int partStart = -1;
        boolean delimited = false;
        int position = bodyStart;
        while (position < end) {
            int next = bytes.lineEnd(position, end);
            if (bytes.startsWith(position, dash, next) && onlyBlanks(position + dash.length(), next)) {
                boolean close = false;
                if (partStart >= 0) {
                    found.add(new MimeEntity(bytes, partStart, Math.max(partStart, lineBreakBefore(position)), depth + 1, strict));
                }
                delimited = true;
                partStart = next;
                if (bytes.startsWith(position + dash.length(), "--", next)) {
                    close = true;
                }
                if (close) {
                    partStart = -1;
                    break;
                }
            }
            position = next;
        }
        if (partStart >= 0) {
            found.add(new MimeEntity(bytes, partStart, end, depth + 1, strict)); // no close delimiter: the part runs to the end
        }
        if (!delimited) {
            if (strict) {
                throw new InvalidMime("a " + type + " without its boundary " + boundary);
            }
            return List.of();
        }
        return List.copyOf(found);
    }

    /** Whether only "--" (the close delimiter's), spaces, tabs and the line end follow. */
    private boolean onlyBlanks(int from, int to) {
        int i = from;
        if (bytes.startsWith(i, "--", to)) {
            i += 2;
        }
        for (; i < to; i++) {
            byte c = bytes.at(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private int lineBreakBefore(int position) {
        int p = position;
        if (p > bodyStart && bytes.at(p - 1) == '\n') {
            p--;
            if (p > bodyStart && bytes.at(p - 1) == '\r') {
                p--;
            }
        }
        return p;
    }
}
