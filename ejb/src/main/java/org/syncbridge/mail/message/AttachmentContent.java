package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;

/**
 * One attachment of a message, found by its IMAP section (the last part of a FileReference), for ItemOperations
 * and GetAttachment: its type, name and decoded bytes, streamed (for an IMAP message the part is fetched by its
 * section, in blocks), a byte range of them skipped to and cut without holding the attachment.
 */
public final class AttachmentContent {
    private static final Pattern SECTION = Pattern.compile("[1-9][0-9]{0,8}(\\.[1-9][0-9]{0,8})*");

    private final Part part;
    private final String section;

    private AttachmentContent(Part part, String section) {
        this.part = part;
        this.section = section;
    }

    /**
     * @param section an RFC 3501 section: "1", "2.1", ...; for a message that is not multipart its body is "1", and
     *                the sections of an attached message continue below its own ("3.1" is its body or first part)
     * @throws NoSuchPartException the section is not well-formed or the message has no such part
     */
    public static AttachmentContent find(MimeMessage message, String section)
            throws NoSuchPartException, MessagingException, IOException {
        if (section == null || !SECTION.matcher(section).matches()) {
            throw new NoSuchPartException(String.valueOf(section));
        }
        Part current = message;
        boolean inside = false; // whether current is a part (true) or a message whose parts are next
        for (String number : section.split("\\.")) {
            int n = Integer.parseInt(number);
            Part container = current;
            if (inside && Parts.baseType(current).equals("message/rfc822")) {
                if (!(current.getContent() instanceof MimeMessage nested)) {
                    throw new NoSuchPartException(section);
                }
                container = nested;
            } else if (inside && !Parts.baseType(current).startsWith("multipart/")) {
                throw new NoSuchPartException(section); // a leaf has no parts
            }
            current = child(container, n, section);
            inside = true;
        }
        return new AttachmentContent(current, section);
    }

    /** Part {@code n} of a message or multipart part; a message that is not multipart has only its body, "1". */
    private static Part child(Part container, int n, String section) throws NoSuchPartException, MessagingException, IOException {
        if (Parts.baseType(container).startsWith("multipart/") && container.getContent() instanceof Multipart multipart) {
            if (n > multipart.getCount()) {
                throw new NoSuchPartException(section);
            }
            return multipart.getBodyPart(n - 1);
        }
        if (container instanceof MimeMessage && n == 1) {
            return container;
        }
        throw new NoSuchPartException(section);
    }

    /** The lower-case type/subtype. */
    public String contentType() throws MessagingException {
        return Parts.baseType(part);
    }

    /** The file name as {@link MailAttachment#displayName()} has it. */
    public String displayName() throws MessagingException, IOException {
        return Parts.displayName(part, section);
    }

    /**
     * The decoded length when it is known without decoding (no transfer encoding, 7bit, 8bit or binary), else -1:
     * for base64 and quoted-printable only decoding tells.
     */
    public long totalLength() throws MessagingException {
        String encoding = Parts.encoding(part) == null ? "7bit" : Parts.encoding(part);
        boolean identity = encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary");
        return identity && part.getSize() >= 0 ? part.getSize() : -1;
    }

    /** All decoded bytes. The caller closes the stream. */
    public InputStream open() throws MessagingException, IOException {
        return Parts.decoded(part);
    }

    /**
     * The decoded bytes from {@code offset} on, at most {@code length} of them (-1: to the end); empty when the
     * attachment is shorter than the offset. The caller closes the stream.
     */
    public InputStream open(long offset, long length) throws MessagingException, IOException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset);
        }
        InputStream in = Parts.decoded(part);
        try {
            in.skipNBytes(offset);
        } catch (EOFException e) {
            in.close();
            return InputStream.nullInputStream();
        }
        return length < 0 ? in : new LimitedInputStream(in, length);
    }
}
