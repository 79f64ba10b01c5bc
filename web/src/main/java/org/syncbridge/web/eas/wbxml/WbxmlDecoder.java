package org.syncbridge.web.eas.wbxml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reads a WBXML request body into an {@link Element} tree. Whatever is not a well-formed ActiveSync
 * document, or goes beyond the {@link Limits}, ends in {@link MalformedWbxml} and nothing else.
 *
 * <p>Written here rather than on kxml2's {@code WbxmlParser}, which allocates the string table and opaque
 * data at whatever length the input claims before reading them, spins forever on opaque data cut short,
 * collects inline strings without bound and knows no namespaces per code page: guarding it would mean
 * parsing every body twice.
 */
public final class WbxmlDecoder {

    /**
     * Bounds on one body.
     *
     * @param maxBytes            the body, and all the strings and opaque data decoded from it together
     *                            (string table references could otherwise multiply a small body)
     * @param maxStringBytes      one element's string, in UTF-8
     * @param maxStringTableBytes the string table, which ActiveSync clients do not send but libwbxml writes
     * @param maxDepth            nesting of elements, the root counting as 1
     * @param maxElements         elements in the body
     */
    public record Limits(long maxBytes, int maxStringBytes, int maxStringTableBytes, int maxDepth, int maxElements) {
        /**
         * Room for a SendMail with large attachments and for Sync requests far beyond a window of 512 items;
         * an element costs up to about 100 bytes of heap, so elements alone stay under 20 MB.
         */
        public static final Limits DEFAULT = new Limits(64L << 20, 32 << 20, 64 << 10, 64, 200_000);
    }

    private final Limits limits;

    public WbxmlDecoder() {
        this(Limits.DEFAULT);
    }

    public WbxmlDecoder(Limits limits) {
        this.limits = limits;
    }

    /** Reads the whole body, to its end: nothing may follow the root element. */
    public Element decode(InputStream body) throws IOException, MalformedWbxml {
        return new Reading(body).document();
    }

    /** An element whose end has not been read yet. */
    private static final class Open {
        final Tag tag;
        List<Element> children;
        ByteArrayOutputStream text;
        byte[] opaque;

        Open(Tag tag) {
            this.tag = tag;
        }

        Element close() {
            if (opaque != null) {
                return Element.opaque(tag, opaque);
            }
            if (text != null) {
                return Element.text(tag, text.toString(StandardCharsets.UTF_8));
            }
            return children == null ? Element.empty(tag) : Element.of(tag, children);
        }
    }

    /** The state of one decode. */
    private final class Reading {
        private final InputStream in;
        private final byte[] buffer = new byte[8192];
        private int position;
        private int filled;
        private long fetched;
        private byte[] stringTable;
        private int page;
        private long contentBytes;
        private int elements;
        private final Deque<Open> open = new ArrayDeque<>();

        Reading(InputStream in) {
            this.in = in;
        }

        Element document() throws IOException, MalformedWbxml {
            int version = readByte();
            if (version > 0x03) {
                throw malformed("WBXML version byte 0x%02X", version);
            }
            if (readInt() == 0) {
                readInt(); // the public id as a string table index; ActiveSync does not look at it
            }
            long charset = readInt();
            if (charset != Tokens.UTF_8) {
                throw malformed("charset %d is not UTF-8", charset);
            }
            stringTable = readBytes(readInt(), limits.maxStringTableBytes(), "string table");
            Element root = body();
            if (!atEnd()) {
                throw malformed("data after the root element");
            }
            return root;
        }

        private Element body() throws IOException, MalformedWbxml {
            while (true) {
                int token = readByte();
                switch (token) {
                    case Tokens.SWITCH_PAGE -> {
                        page = readByte();
                        if (!CodePages.hasPage(page)) {
                            throw malformed("unknown code page %d", page);
                        }
                    }
                    case Tokens.END -> {
                        Open closing = open.poll();
                        if (closing == null) {
                            throw malformed("END outside any element");
                        }
                        Element element = closing.close();
                        if (open.isEmpty()) {
                            return element;
                        }
                        addChild(element);
                    }
                    case Tokens.STR_I -> readInlineString(textOf(current()));
                    case Tokens.STR_T -> appendFromStringTable(textOf(current()), readInt());
                    case Tokens.ENTITY -> appendCharacter(textOf(current()), readInt());
                    case Tokens.OPAQUE -> readOpaque(current());
                    default -> {
                        Element empty = tag(token);
                        if (empty != null) {
                            if (open.isEmpty()) {
                                return empty;
                            }
                            addChild(empty);
                        }
                    }
                }
            }
        }

        /** Opens an element with content, or returns one without. */
        private Element tag(int token) throws MalformedWbxml {
            int code = token & ~(Tokens.WITH_ATTRIBUTES | Tokens.WITH_CONTENT);
            if (code < 0x05) {
                throw malformed("global token 0x%02X is not used by ActiveSync", token);
            }
            if ((token & Tokens.WITH_ATTRIBUTES) != 0) {
                throw malformed("attributes (tag byte 0x%02X) are not used by ActiveSync", token);
            }
            Tag tag = CodePages.tag(page, code);
            if (tag == null) {
                throw malformed("unknown token 0x%02X on code page %d", code, page);
            }
            if (++elements > limits.maxElements()) {
                throw malformed("more than %d elements", limits.maxElements());
            }
            if (open.size() >= limits.maxDepth()) {
                throw malformed("elements nested deeper than %d", limits.maxDepth());
            }
            if ((token & Tokens.WITH_CONTENT) == 0) {
                return Element.empty(tag);
            }
            open.push(new Open(tag));
            return null;
        }

        private Open current() throws MalformedWbxml {
            Open element = open.peek();
            if (element == null) {
                throw malformed("content outside the root element");
            }
            return element;
        }

        private void addChild(Element child) throws MalformedWbxml {
            Open parent = open.peek();
            if (parent.text != null || parent.opaque != null) {
                throw malformed("%s mixes text and elements", parent.tag);
            }
            if (parent.children == null) {
                parent.children = new ArrayList<>();
            }
            parent.children.add(child);
        }

        private ByteArrayOutputStream textOf(Open element) throws MalformedWbxml {
            if (element.children != null || element.opaque != null) {
                throw malformed("%s mixes text with elements or opaque data", element.tag);
            }
            if (element.text == null) {
                element.text = new ByteArrayOutputStream();
            }
            return element.text;
        }

        private void readInlineString(ByteArrayOutputStream text) throws IOException, MalformedWbxml {
            while (true) {
                if (position == filled && !fill()) {
                    throw malformed("input ends inside a string");
                }
                int start = position;
                while (position < filled && buffer[position] != 0) {
                    position++;
                }
                append(text, buffer, start, position - start);
                if (position < filled) {
                    position++; // the terminating NUL
                    return;
                }
            }
        }

        private void appendFromStringTable(ByteArrayOutputStream text, long index) throws MalformedWbxml {
            if (index >= stringTable.length) {
                throw malformed("string table reference %d beyond the table's %d bytes", index, stringTable.length);
            }
            int start = (int) index;
            int end = start;
            while (end < stringTable.length && stringTable[end] != 0) {
                end++;
            }
            if (end == stringTable.length) {
                throw malformed("string table entry at %d has no terminating NUL", index);
            }
            append(text, stringTable, start, end - start);
        }

        private void appendCharacter(ByteArrayOutputStream text, long codePoint) throws MalformedWbxml {
            if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                    || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
                throw malformed("entity %d is not a character", codePoint);
            }
            byte[] utf8 = Character.toString((int) codePoint).getBytes(StandardCharsets.UTF_8);
            append(text, utf8, 0, utf8.length);
        }

        private void append(ByteArrayOutputStream text, byte[] bytes, int from, int length) throws MalformedWbxml {
            if (text.size() + (long) length > limits.maxStringBytes()) {
                throw malformed("string longer than %d bytes", limits.maxStringBytes());
            }
            countContent(length);
            text.write(bytes, from, length);
        }

        private void readOpaque(Open element) throws IOException, MalformedWbxml {
            if (element.children != null || element.text != null || element.opaque != null) {
                throw malformed("%s mixes opaque data with other content", element.tag);
            }
            long length = readInt();
            element.opaque = readBytes(length, limits.maxBytes() - offset(), "opaque data");
            countContent(length);
        }

        private void countContent(long length) throws MalformedWbxml {
            contentBytes += length;
            if (contentBytes > limits.maxBytes()) {
                throw malformed("strings and opaque data longer than %d bytes", limits.maxBytes());
            }
        }

        /** Reads {@code length} bytes, growing the array as they arrive rather than trusting the length. */
        private byte[] readBytes(long length, long max, String what) throws IOException, MalformedWbxml {
            if (length > max) {
                throw malformed("%s of %d bytes, more than the %d allowed", what, length, max);
            }
            byte[] bytes = new byte[(int) Math.min(length, 1 << 16)];
            int done = 0;
            while (done < length) {
                if (position == filled && !fill()) {
                    throw malformed("input ends inside %s", what);
                }
                if (done == bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
                }
                int count = Math.min(filled - position, bytes.length - done);
                System.arraycopy(buffer, position, bytes, done, count);
                position += count;
                done += count;
            }
            return bytes;
        }

        /** Reads a WBXML mb_u_int32: 7 bits a byte, high bit set on all but the last, at most 32 bits. */
        private long readInt() throws IOException, MalformedWbxml {
            long value = 0;
            for (int i = 0; i < 5; i++) {
                int b = readByte();
                value = (value << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) {
                    if (value > 0xFFFF_FFFFL) {
                        throw malformed("mb_u_int32 beyond 32 bits");
                    }
                    return value;
                }
            }
            throw malformed("mb_u_int32 longer than 5 bytes");
        }

        private int readByte() throws IOException, MalformedWbxml {
            if (position == filled && !fill()) {
                throw malformed("input ends %s", open.isEmpty() ? "before the root element" : "inside " + open.peek().tag);
            }
            return buffer[position++] & 0xFF;
        }

        private boolean atEnd() throws IOException, MalformedWbxml {
            return position == filled && !fill();
        }

        private boolean fill() throws IOException, MalformedWbxml {
            int count = in.read(buffer, 0, buffer.length);
            if (count <= 0) {
                return false;
            }
            fetched += count;
            if (fetched > limits.maxBytes()) {
                throw malformed("body longer than %d bytes", limits.maxBytes());
            }
            position = 0;
            filled = count;
            return true;
        }

        private long offset() {
            return fetched - filled + position;
        }

        private MalformedWbxml malformed(String format, Object... arguments) {
            return new MalformedWbxml(String.format(format, arguments) + " at byte " + offset());
        }
    }
}
