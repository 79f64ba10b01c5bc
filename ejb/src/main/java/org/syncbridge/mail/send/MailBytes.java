package org.syncbridge.mail.send;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes of one mail, read by offset: the phone's message in memory, or an original fetched from IMAP into a
 * file that is mapped, not read onto the heap (a forwarded mail may carry large attachments).
 */
abstract class MailBytes {

    abstract int length();

    abstract byte at(int index);

    /** Copies {@code [from, to)} exactly. */
    abstract void copy(int from, int to, OutputStream out) throws IOException;

    static MailBytes of(byte[] bytes) {
        return new Heap(bytes);
    }

    /** Maps a file of at most 2 GiB read-only; the mapping lives until it is collected, the file may be deleted. */
    static MailBytes map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException("a mail of " + channel.size() + " bytes is too large to read");
            }
            return new Mapped(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    /** {@code [from, to)} as a stream, for decoding a part. */
    InputStream stream(int from, int to) {
        return new InputStream() {
            private int position = from;

            @Override
            public int read() {
                return position < to ? at(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= to) {
                    return -1;
                }
                int n = Math.min(length, to - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = at(position++);
                }
                return n;
            }
        };
    }

    byte[] slice(int from, int to) {
        byte[] copy = new byte[to - from];
        for (int i = from; i < to; i++) {
            copy[i - from] = at(i);
        }
        return copy;
    }

    String text(int from, int to, Charset charset) {
        return new String(slice(from, to), charset);
    }

    /** The index just after the line that starts at {@code from} (after its LF), or {@code limit}. */
    int lineEnd(int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (at(i) == '\n') {
                return i + 1;
            }
        }
        return limit;
    }

    /** Whether the ASCII {@code prefix} starts at {@code index}. */
    boolean startsWith(int index, String prefix, int limit) {
        if (index + prefix.length() > limit) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (at(index + i) != (byte) prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static final class Heap extends MailBytes {
        private final byte[] bytes;

        Heap(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        int length() {
            return bytes.length;
        }

        @Override
        byte at(int index) {
            return bytes[index];
        }

        @Override
        void copy(int from, int to, OutputStream out) throws IOException {
            out.write(bytes, from, to - from);
        }
    }

    private static final class Mapped extends MailBytes {
        private final MappedByteBuffer buffer;

        Mapped(MappedByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        int length() {
            return buffer.capacity();
        }

        @Override
        byte at(int index) {
            return buffer.get(index);
        }

        @Override
        void copy(int from, int to, OutputStream out) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            ByteBuffer view = buffer.duplicate();
            view.position(from).limit(to);
            while (view.hasRemaining()) {
                int n = Math.min(chunk.length, view.remaining());
                view.get(chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }
    }
}
