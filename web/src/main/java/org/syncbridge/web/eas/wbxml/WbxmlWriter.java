package org.syncbridge.web.eas.wbxml;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a WBXML 1.3 response as it goes, through a small buffer, so a large response never sits in memory
 * whole. The header is {@code 03 01 6A 00}; strings are always inline ({@code STR_I}), never string table
 * references, because ActiveSync clients expect an empty string table; a page switch is written only
 * when the page changes.
 *
 * <p>Not kxml2's {@code WbxmlSerializer}: it builds the whole document in memory and writes {@code STR_T}.
 */
public final class WbxmlWriter {
    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int buffered;
    private int page;
    private int depth;
    private boolean rootClosed;

    /** Writes the header at once. */
    public WbxmlWriter(OutputStream out) throws IOException {
        this.out = out;
        write(Tokens.HEADER, 0, Tokens.HEADER.length);
    }

    /** Opens an element whose content follows; close it with {@link #end()}. */
    public WbxmlWriter start(Tag tag) throws IOException {
        writeTag(tag, true);
        depth++;
        return this;
    }

    public WbxmlWriter end() throws IOException {
        if (depth == 0) {
            throw new IllegalStateException("no open element to end");
        }
        write(Tokens.END);
        if (--depth == 0) {
            rootClosed = true;
        }
        return this;
    }

    /** An element without content, {@code <tag/>}. */
    public WbxmlWriter empty(Tag tag) throws IOException {
        writeTag(tag, false);
        if (depth == 0) {
            rootClosed = true;
        }
        return this;
    }

    /** An element holding a string; "" is written as an empty inline string, as Exchange does. */
    public WbxmlWriter text(Tag tag, String value) throws IOException {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("WBXML strings cannot hold NUL: " + tag);
        }
        start(tag);
        write(Tokens.STR_I);
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        write(utf8, 0, utf8.length);
        write(0);
        return end();
    }

    /**
     * An element holding bytes as an inline string, as they are: a message's original MIME (7- or 8-bit text, in
     * whatever charsets its parts declare) reaches the client byte for byte, which a detour through a Java String
     * could not promise. Exchange writes MIME bodies this way, not as opaque data.
     */
    public WbxmlWriter text(Tag tag, byte[] raw) throws IOException {
        for (byte b : raw) {
            if (b == 0) {
                throw new IllegalArgumentException("WBXML strings cannot hold NUL: " + tag);
            }
        }
        start(tag);
        write(Tokens.STR_I);
        write(raw, 0, raw.length);
        write(0);
        return end();
    }

    public WbxmlWriter opaque(Tag tag, byte[] data) throws IOException {
        startOpaque(tag, data.length);
        write(data, 0, data.length);
        return end();
    }

    /** An element of opaque data copied from a stream, such as an attachment, without holding it whole. */
    public WbxmlWriter opaque(Tag tag, long length, InputStream data) throws IOException {
        startOpaque(tag, length);
        for (long left = length; left > 0; ) {
            if (buffered == buffer.length) {
                drain();
            }
            int count = data.read(buffer, buffered, (int) Math.min(left, buffer.length - buffered));
            if (count < 0) {
                throw new EOFException("opaque data for " + tag + " ended " + left + " bytes short");
            }
            buffered += count;
            left -= count;
        }
        return end();
    }

    /** An element holding a stream's bytes as a base64 inline string (ItemOperations Data), encoded as it is copied. */
    public WbxmlWriter base64(Tag tag, InputStream data) throws IOException {
        start(tag);
        write(Tokens.STR_I);
        byte[] chunk = new byte[3 * 16384]; // a multiple of 3: no padding but at the very end
        java.util.Base64.Encoder encoder = java.util.Base64.getEncoder();
        int filled = 0;
        for (int n; (n = data.read(chunk, filled, chunk.length - filled)) > 0 || filled == chunk.length; ) {
            filled += Math.max(n, 0);
            if (filled == chunk.length) {
                byte[] encoded = encoder.encode(chunk);
                write(encoded, 0, encoded.length);
                filled = 0;
            }
        }
        if (filled > 0) {
            byte[] encoded = encoder.encode(java.util.Arrays.copyOf(chunk, filled));
            write(encoded, 0, encoded.length);
        }
        write(0);
        return end();
    }

    /** Writes a decoded tree back, e.g. to echo part of a request. */
    public WbxmlWriter element(Element element) throws IOException {
        Tag tag = element.tag();
        if (element.isOpaque()) {
            return opaque(tag, element.bytes());
        }
        if (element.hasText()) {
            return text(tag, element.text());
        }
        if (element.children().isEmpty()) {
            return empty(tag);
        }
        start(tag);
        for (Element child : element.children()) {
            element(child);
        }
        return end();
    }

    /** Sends what is buffered on to the stream and flushes it, e.g. before the response waits. */
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Checks that the document is complete and flushes it; the stream stays open. */
    public void finish() throws IOException {
        if (!rootClosed || depth != 0) {
            throw new IllegalStateException(depth + " element(s) still open or no root element written");
        }
        flush();
    }

    private void startOpaque(Tag tag, long length) throws IOException {
        if (length < 0 || length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("opaque length " + length);
        }
        start(tag);
        write(Tokens.OPAQUE);
        writeInt(length);
    }

    private void writeTag(Tag tag, boolean withContent) throws IOException {
        if (rootClosed) {
            throw new IllegalStateException("the root element is closed; cannot write " + tag);
        }
        if (tag.page() != page) {
            write(Tokens.SWITCH_PAGE);
            write(tag.page());
            page = tag.page();
        }
        write(withContent ? tag.token() | Tokens.WITH_CONTENT : tag.token());
    }

    /** A WBXML mb_u_int32: 7 bits a byte, most significant first, high bit set on all but the last. */
    private void writeInt(long value) throws IOException {
        int shift = 28;
        while (shift > 0 && (value >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            write((int) ((value >>> shift) & 0x7F) | 0x80);
        }
        write((int) (value & 0x7F));
    }

    private void write(int b) throws IOException {
        if (buffered == buffer.length) {
            drain();
        }
        buffer[buffered++] = (byte) b;
    }

    private void write(byte[] bytes, int from, int length) throws IOException {
        if (length >= buffer.length) {
            drain();
            out.write(bytes, from, length);
            return;
        }
        if (buffered + length > buffer.length) {
            drain();
        }
        System.arraycopy(bytes, from, buffer, buffered, length);
        buffered += length;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
    }
}
