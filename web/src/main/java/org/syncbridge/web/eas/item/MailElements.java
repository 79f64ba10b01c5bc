package org.syncbridge.web.eas.item;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.syncbridge.mail.message.BodyType;
import org.syncbridge.mail.message.ChosenBody;
import org.syncbridge.mail.message.ChosenBodyPart;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/** The mail kinds of {@link ItemCodec}: the chosen body in each version's elements, and the flag. */
final class MailElements {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(MailElements.class.getName());
    private static final Tag BODY_TYPE = Tag.of("AirSyncBase:", "Type");
    private static final Tag BODY_DATA = Tag.of("AirSyncBase:", "Data");
    private static final Tag ESTIMATED_SIZE = Tag.of("AirSyncBase:", "EstimatedDataSize");
    private static final Tag TRUNCATED = Tag.of("AirSyncBase:", "Truncated");
    private static final Tag PREVIEW = Tag.of("AirSyncBase:", "Preview");
    private static final Tag PART_STATUS = Tag.of("AirSyncBase:", "Status");
    private static final Tag BODY_TRUNCATED_25 = Tag.of("Email:", "BodyTruncated");
    private static final Tag BODY_SIZE_25 = Tag.of("Email:", "BodySize");
    private static final Tag MIME_DATA_25 = Tag.of("Email:", "MIMEData");
    private static final Tag MIME_TRUNCATED_25 = Tag.of("Email:", "MIMETruncated");
    private static final Tag MIME_SIZE_25 = Tag.of("Email:", "MIMESize");
    private static final Tag FLAG_STATUS = Tag.of("Email:", "Status");
    private static final Tag FLAG_TYPE = Tag.of("Email:", "FlagType");
    /** MS-ASEMAIL FlagType: free text, "commonly set to 'Flag for follow up'". */
    static final String FOLLOW_UP = "Flag for follow up";

    private MailElements() {
    }

    /** What a client wrote in a Body: its Data as text; a Body without Data is empty. */
    static String bodyText(Element body) {
        return body.child(BODY_DATA).map(d -> new String(d.bytes(), StandardCharsets.UTF_8)).orElse("");
    }

    /**
     * A mail's body as the store chose it: Type, the whole size, whether it was cut, the (cut) data unless AllOrNone
     * left none, and from 14.0 the preview asked for. The data go as they are, MIME byte for byte.
     */
    static void writeBody(WbxmlWriter out, ItemField field, Object value, ProtocolVersion version) throws IOException {
        ChosenBody body = chosen(value);
        out.start(field.tag()).text(BODY_TYPE, String.valueOf(body.type().code))
                .text(ESTIMATED_SIZE, String.valueOf(body.estimatedSize())).text(TRUNCATED, body.truncated() ? "1" : "0");
        if (body.data() != null) {
            writeData(out, BODY_DATA, body);
        }
        if (body.preview() != null && version.atLeast(ProtocolVersion.V14_0)) {
            out.text(PREVIEW, ItemCodec.withoutNul(body.preview()));
        }
        out.end();
    }

    /**
     * A mail's message part (MS-ASAIRS 2.2.2.10 BodyPart) in the order the spec gives: Status, Type, EstimatedDataSize,
     * Truncated, the (cut) Data unless AllOrNone or Status 176 left none, and the Preview asked for.
     */
    static void writeBodyPart(WbxmlWriter out, ItemField field, String name, Object value) throws IOException {
        if (!(value instanceof ChosenBodyPart chosen)) {
            LOG.warning(() -> "Left out " + name + ": the stored value is no ChosenBodyPart but " + value.getClass().getName());
            return;
        }
        ChosenBody part = chosen.part();
        out.start(field.tag()).text(PART_STATUS, String.valueOf(chosen.status().code)).text(BODY_TYPE, String.valueOf(part.type().code))
                .text(ESTIMATED_SIZE, String.valueOf(part.estimatedSize())).text(TRUNCATED, part.truncated() ? "1" : "0");
        if (part.data() != null) {
            writeData(out, BODY_DATA, part);
        }
        if (part.preview() != null) {
            out.text(PREVIEW, ItemCodec.withoutNul(part.preview()));
        }
        out.end();
    }

    /** EAS 2.5 has no body types: plain text in Email Body, or the original message in MIMEData when MIME was chosen. */
    static void writeBody25(WbxmlWriter out, ItemField field, String name, Object value) throws IOException {
        ChosenBody body = chosen(value);
        if (body.type() == BodyType.MIME) {
            out.text(MIME_TRUNCATED_25, body.truncated() ? "1" : "0").text(MIME_SIZE_25, String.valueOf(body.estimatedSize()));
            if (body.data() != null) {
                writeData(out, MIME_DATA_25, body);
            }
        } else if (body.type() == BodyType.PLAIN) {
            out.text(BODY_TRUNCATED_25, body.truncated() ? "1" : "0");
            if (body.truncated()) { // BodySize only with a cut body; the store's size in bytes stands for its characters
                out.text(BODY_SIZE_25, String.valueOf(body.estimatedSize()));
            }
            if (body.data() != null) {
                writeData(out, field.tag(), body);
            }
        } else {
            LOG.warning(() -> "Left out " + name + ": EAS 2.5 carries no " + body.type() + " body");
        }
    }

    /**
     * Text bodies are UTF-8 and lose nothing without NUL, which no WBXML string can hold; MIME with NUL (binary
     * transfer encoding) goes as opaque data rather than altered.
     */
    private static void writeData(WbxmlWriter out, Tag tag, ChosenBody body) throws IOException {
        byte[] data = body.data();
        if (indexOfNul(data) < 0) {
            out.text(tag, data);
        } else if (body.type() == BodyType.MIME) {
            out.opaque(tag, data);
        } else {
            ByteArrayOutputStream kept = new ByteArrayOutputStream(data.length);
            for (byte b : data) {
                if (b != 0) {
                    kept.write(b);
                }
            }
            out.text(tag, kept.toByteArray());
        }
    }

    private static int indexOfNul(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A stored String is a whole plain-text body (what {@link ItemCodec#read} gives back). */
    private static ChosenBody chosen(Object value) {
        if (value instanceof ChosenBody body) {
            return body;
        }
        byte[] utf8 = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
        return new ChosenBody(BodyType.PLAIN, utf8.length, false, utf8, null);
    }

    /** A cleared flag must reach the phone as an empty Flag; a set one names its status and type. */
    static void writeFlag(WbxmlWriter out, ItemField field, String name, String status) throws IOException {
        switch (status) {
            case "0" -> out.empty(field.tag());
            case "1", "2" -> out.start(field.tag()).text(FLAG_STATUS, status).text(FLAG_TYPE, FOLLOW_UP).end();
            default -> LOG.warning(() -> "Left out " + name + ": '" + status + "' is no flag status");
        }
    }

    /** An empty Flag clears it; one without Status says nothing about it (phones echo FlagType and dates). */
    static Optional<String> flagStatus(Element flag) throws ItemCodec.Unreadable {
        if (flag.children().isEmpty()) {
            return Optional.of("0");
        }
        Optional<String> status = flag.childText(FLAG_STATUS).map(String::trim);
        if (status.isPresent() && !List.of("0", "1", "2").contains(status.get())) {
            throw new ItemCodec.Unreadable("Flag Status is not 0, 1 or 2: '" + status.get() + "'");
        }
        return status;
    }
}
