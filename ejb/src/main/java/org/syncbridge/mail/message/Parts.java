package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import org.eclipse.angus.mail.imap.IMAPBodyPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the mail reader needs to know of one MIME part, from the Part API alone: for an IMAP part that is its
 * BODYSTRUCTURE, so knowing a part costs no fetch (its own headers would cost one each); and its decoded content as
 * bytes or text.
 *
 * <p>File names: RFC 2231 parameters (filename*=UTF-8''..., continuations filename*0*=...) come decoded from Jakarta
 * Mail's ParameterList, which does so while the System property mail.mime.decodeparameters is true, its default
 * (WildFly leaves it). RFC 2047 words in a file name are decoded here ({@link EncodedWords}), so
 * mail.mime.decodefilename (default false) does not matter. This class sets no System property: they are global.
 */
final class Parts {
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/calendar", ".ics"),
            Map.entry("message/rfc822", ".eml"), Map.entry("message/delivery-status", ".txt"),
            Map.entry("message/disposition-notification", ".txt"), Map.entry("text/rfc822-headers", ".txt"),
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"),
            Map.entry("application/pdf", ".pdf"));
    private static final Pattern TYPE = Pattern.compile("[-\\w.+!#$&^]+/[-\\w.+!#$&^]+");

    private Parts() {
    }

    /** The lower-case type/subtype; text/plain when missing (RFC 2045 section 5.2), application/octet-stream when broken. */
    static String baseType(Part part) throws MessagingException {
        ContentType type = contentType(part);
        if (type != null) {
            return type.getBaseType().toLowerCase(Locale.ROOT);
        }
        String raw = part.getContentType() == null ? "" : part.getContentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return TYPE.matcher(raw).matches() ? raw : "application/octet-stream";
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return new ContentType("text", "plain", null);
        }
        try {
            return new ContentType(header);
        } catch (ParseException e) {
            return null;
        }
    }

    /** A parameter of the Content-Type (RFC 2231 decoded), or null. */
    static String typeParameter(Part part, String name) throws MessagingException {
        ContentType type = contentType(part);
        return type == null ? null : type.getParameter(name);
    }

    /** "attachment", "inline" or null. */
    static String disposition(Part part) throws MessagingException {
        String disposition;
        try {
            disposition = part.getDisposition();
        } catch (ParseException e) {
            return null;
        }
        return disposition == null ? null : disposition.trim().toLowerCase(Locale.ROOT);
    }

    /** The file name the part carries (Content-Disposition filename, else Content-Type name), decoded; or null. */
    static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (ParseException e) {
            return null;
        }
        if (name == null) {
            return null;
        }
        name = EncodedWords.decode(name).strip();
        return name.isEmpty() ? null : name;
    }

    /** The name a client shows: the file name, else one made from the section and the type. */
    static String displayName(Part part, String section) throws MessagingException, IOException {
        String name = fileName(part);
        if (name != null) {
            return name;
        }
        String type = baseType(part);
        if (type.equals("message/rfc822") && part.getContent() instanceof MimeMessage nested) {
            String subject = EncodedWords.decode(nested.getSubject()); // IMAP: from the ENVELOPE, no fetch
            if (subject != null && !subject.isBlank()) {
                return subject.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".eml";
            }
        }
        return "attachment-" + section + EXTENSIONS.getOrDefault(type, "");
    }

    /** Content-ID without its angle brackets, or null. */
    static String contentId(Part part) throws MessagingException {
        String id = part instanceof MimePart m ? m.getContentID() : null;
        if (id == null) {
            return null;
        }
        id = id.trim();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).trim();
        }
        return id.isEmpty() ? null : id;
    }

    /**
     * Content-Location where the part's headers are at hand; null for an IMAP part, whose headers would cost a fetch
     * each (clients find inline images by Content-ID).
     */
    static String contentLocation(Part part) throws MessagingException {
        return part instanceof IMAPBodyPart ? null : unfolded(part, "Content-Location");
    }

    /** The Content-Transfer-Encoding, lower-case, or null. */
    static String encoding(Part part) throws MessagingException {
        String encoding = part instanceof MimePart m ? m.getEncoding() : null;
        return encoding == null ? null : encoding.trim().toLowerCase(Locale.ROOT);
    }

    static String first(Part part, String header) throws MessagingException {
        String[] values = part.getHeader(header);
        return values == null || values.length == 0 ? null : values[0];
    }

    /** A header of the message, unfolded, or null. */
    static String unfolded(Part part, String header) throws MessagingException {
        String value = first(part, header);
        return value == null ? null : MimeUtility.unfold(value).trim();
    }

    /** The part's content with its Content-Transfer-Encoding undone. */
    static InputStream decoded(Part part) throws MessagingException, IOException {
        try {
            return part.getInputStream();
        } catch (MessagingException e) {
            // an encoding Jakarta Mail does not know: the bytes as they are beat no bytes at all
            if (part instanceof MimeBodyPart p) {
                return p.getRawInputStream();
            }
            if (part instanceof MimeMessage m) {
                return m.getRawInputStream();
            }
            throw e;
        }
    }

    /** The part's text, decoded from its charset; bad bytes become U+FFFD. */
    static Reader text(Part part) throws MessagingException, IOException {
        return new InputStreamReader(decoded(part), charset(part).newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    static Charset charset(Part part) throws MessagingException {
        String name = typeParameter(part, "charset");
        return name == null ? Charset.forName("windows-1252") : EncodedWords.charset(name);
    }

    /** The first {@code max} decoded bytes of a small part (report fields, invitations) as text. */
    static String smallText(Part part, int max) throws MessagingException, IOException {
        try (InputStream in = decoded(part)) {
            return new String(in.readNBytes(max), charset(part));
        }
    }
}
