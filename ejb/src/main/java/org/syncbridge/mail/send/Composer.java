package org.syncbridge.mail.send;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes what is submitted: the phone's message byte for byte, except that its Bcc fields are left out, missing
 * fields are added as new lines, and for SmartReply and SmartForward the original is added. The original's quote
 * goes into the phone's HTML and plain text ({@link LeafInsertion}); when it cannot (a charset that cannot write
 * it, a signed body, no text at all), and for the original's attachments, the phone's message is wrapped: a new
 * multipart/mixed whose first part is the phone's content as it came, followed by the added parts.
 */
final class Composer {
    private static final byte[] CRLF = {'\r', '\n'};

    private final PhoneMessage phone;
    private final List<String> addedFields = new ArrayList<>();
    private final List<Edit> edits = new ArrayList<>();
    private final List<Part> added = new ArrayList<>();
    /** A new Content-Transfer-Encoding of the message itself, when its single text body was encoded anew. */
    private String topEncoding;

    /** A part appended when wrapping: bytes of another mail, or generated. */
    private record Part(MailBytes bytes, int from, int to) {
    }

    Composer(PhoneMessage phone) {
        this.phone = phone;
    }

    /** Adds a header field the phone's message lacks; {@code value} is ASCII (or already encoded). */
    Composer field(String name, String value) {
        addedFields.add(name + ": " + value + "\r\n");
        return this;
    }

    /** Puts the quote into the phone's text, or beside it when it cannot go in. */
    Composer quote(Quote quote) throws IOException {
        TextBodies bodies = TextBodies.of(phone.root);
        boolean html = bodies.html() != null && apply(bodies.html(), LeafInsertion.html(bodies.html(), quote.html()));
        boolean plain = bodies.plain() != null && apply(bodies.plain(), LeafInsertion.plain(bodies.plain(), quote.plain()));
        if (bodies.html() != null && !html) {
            added.add(generated("text/html; charset=us-ascii", quote.html().getBytes(StandardCharsets.US_ASCII)));
        } else if (bodies.html() == null && !plain) {
            added.add(generated("text/plain; charset=utf-8", quote.plain().getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** Appends a part of another mail as it is, its header fields and content byte for byte. */
    Composer attach(MimeEntity part) {
        added.add(new Part(part.bytes, part.start, part.end));
        return this;
    }

    private boolean apply(MimeEntity leaf, Optional<LeafInsertion.Change> change) {
        if (change.isEmpty()) {
            return false;
        }
        edits.addAll(change.get().edits());
        String encoding = change.get().newEncoding();
        if (encoding != null) {
            if (leaf == phone.root) {
                topEncoding = encoding;
            } else {
                byte[] line = ("Content-Transfer-Encoding: " + encoding + "\r\n").getBytes(StandardCharsets.US_ASCII);
                Optional<MimeEntity.Field> old = leaf.field("Content-Transfer-Encoding");
                edits.add(old.map(f -> new Edit(f.start(), f.end(), line)).orElse(new Edit(leaf.headerEnd, leaf.headerEnd, line)));
            }
        }
        return true;
    }

    private static Part generated(String contentType, byte[] content) throws IOException {
        byte[] body = LeafInsertion.encode(content, "quoted-printable");
        byte[] header = ("Content-Type: " + contentType + "\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Disposition: inline\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + body.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        return new Part(MailBytes.of(all), 0, all.length);
    }

    void writeTo(OutputStream out) throws IOException {
        MimeEntity root = phone.root;
        boolean wrap = !added.isEmpty();
        String boundary = "sb=_" + UUID.randomUUID();
        for (MimeEntity.Field f : root.fields) {
            if (!f.is("Bcc") && !(wrap && f.describesContent())) {
                writeField(out, f);
            }
        }
        for (String field : addedFields) {
            out.write(field.getBytes(StandardCharsets.UTF_8));
        }
        if (wrap) {
            if (root.field("MIME-Version").isEmpty()) {
                out.write("MIME-Version: 1.0\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(("Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(CRLF);
            out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (MimeEntity.Field f : root.fields) {
                if (f.describesContent()) {
                    writeField(out, f);
                }
            }
        }
        if (topEncoding != null && root.field("Content-Transfer-Encoding").isEmpty()) {
            out.write(("Content-Transfer-Encoding: " + topEncoding + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(CRLF);
        writeBody(out);
        if (wrap) {
            for (Part part : added) {
                out.write(("\r\n--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
                part.bytes().copy(part.from(), part.to(), out);
            }
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void writeField(OutputStream out, MimeEntity.Field f) throws IOException {
        if (topEncoding != null && f.is("Content-Transfer-Encoding")) {
            out.write(("Content-Transfer-Encoding: " + topEncoding + "\r\n").getBytes(StandardCharsets.US_ASCII));
            return;
        }
        phone.bytes.copy(f.start(), f.end(), out);
        if (f.end() == f.start() || phone.bytes.at(f.end() - 1) != '\n') {
            out.write(CRLF); // the last field of a message without body
        }
    }

    /** The body, with the edits (sorted; insertions at one place stay in the order they were made). */
    private void writeBody(OutputStream out) throws IOException {
        MimeEntity root = phone.root;
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        int position = root.bodyStart;
        for (Edit e : sorted) {
            if (e.start() < position) {
                throw new IllegalStateException("overlapping edits at " + e.start());
            }
            phone.bytes.copy(position, e.start(), out);
            out.write(e.replacement());
            position = e.end();
        }
        phone.bytes.copy(position, root.end, out);
    }
}
