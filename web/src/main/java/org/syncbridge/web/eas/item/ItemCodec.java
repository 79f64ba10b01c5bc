package org.syncbridge.web.eas.item;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes an item's ApplicationData through its class's mapping table: one codec for
 * every class, so a field is added by a row in a table, not by code. The note travels as AirSyncBase
 * Body (property "body", plain text) from the table's body version on.
 */
public final class ItemCodec {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ItemCodec.class.getName());
    private static final DateTimeFormatter EAS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Tag BODY = Tag.of("AirSyncBase:", "Body");
    private static final Tag BODY_TYPE = Tag.of("AirSyncBase:", "Type");
    private static final Tag BODY_DATA = Tag.of("AirSyncBase:", "Data");
    private static final Tag ESTIMATED_SIZE = Tag.of("AirSyncBase:", "EstimatedDataSize");
    private static final Tag TRUNCATED = Tag.of("AirSyncBase:", "Truncated");
    static final String BODY_PROPERTY = "body";

    /** A value the table cannot carry: the item is refused with a conversion error, the rest syncs on. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final List<ItemField> table;
    private final ProtocolVersion bodySince;

    public ItemCodec(List<ItemField> table, ProtocolVersion bodySince) {
        this.table = table;
        this.bodySince = bodySince;
    }

    /** The properties a client of this version can send; a change from it replaces exactly these. */
    public Set<String> properties(ProtocolVersion version) {
        Set<String> names = new HashSet<>();
        collect(table, "", version, names);
        if (version.atLeast(bodySince)) {
            names.add(BODY_PROPERTY);
        }
        return names;
    }

    private static void collect(List<ItemField> fields, String prefix, ProtocolVersion version, Set<String> names) {
        for (ItemField f : fields) {
            if (version.atLeast(f.since())) {
                if (f.kind() == ItemField.Kind.GROUP) {
                    collect(f.members(), prefix + f.property() + ".", version, names);
                } else {
                    names.add(prefix + f.property());
                }
            }
        }
    }

    public Map<String, Object> read(Element applicationData, ProtocolVersion version) throws Unreadable {
        Map<String, Object> properties = new LinkedHashMap<>();
        readFields(applicationData, table, "", version, properties);
        if (version.atLeast(bodySince)) {
            applicationData.child(BODY).flatMap(b -> b.childText(BODY_DATA)).filter(d -> !d.isEmpty())
                    .ifPresent(d -> properties.put(BODY_PROPERTY, d));
        }
        return properties;
    }

    private static void readFields(Element parent, List<ItemField> fields, String prefix, ProtocolVersion version,
                                   Map<String, Object> properties) throws Unreadable {
        for (ItemField field : fields) {
            if (!version.atLeast(field.since())) {
                continue;
            }
            Optional<Element> element = parent.child(field.tag());
            if (element.isEmpty()) {
                continue;
            }
            String name = prefix + field.property();
            switch (field.kind()) {
                case TEXT -> properties.put(name, element.get().text());
                case DATE -> properties.put(name, instant(element.get().text(), field).toString());
                case LIST -> {
                    List<String> values = new ArrayList<>();
                    element.get().children(field.listItem()).forEach(e -> values.add(e.text()));
                    properties.put(name, values);
                }
                case GROUP -> readFields(element.get(), field.members(), name + ".", version, properties);
            }
        }
    }

    public void write(WbxmlWriter out, Map<String, Object> properties, ProtocolVersion version) throws IOException {
        write(out, properties, version, Selection.ALL);
    }

    /**
     * What a client asked for (ItemOperations Options): only the top-level elements its Schema names
     * (all when it names none), and the body cut to its BodyPreference's TruncationSize, in bytes.
     */
    public record Selection(Set<Tag> schema, int truncationSize, boolean allOrNone) {
        public static final Selection ALL = new Selection(Set.of(), -1, false);

        boolean includes(Tag tag) {
            return schema.isEmpty() || schema.contains(tag);
        }
    }

    public void write(WbxmlWriter out, Map<String, Object> properties, ProtocolVersion version, Selection selection) throws IOException {
        if (version.atLeast(bodySince) && selection.includes(BODY)) {
            writeBody(out, properties.get(BODY_PROPERTY) instanceof String s ? s : "", selection);
        }
        List<ItemField> fields = table.stream().filter(f -> selection.includes(f.tag())).toList();
        writeFields(out, fields, "", properties, version);
    }

    private static void writeBody(WbxmlWriter out, String body, Selection selection) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean cut = selection.truncationSize() >= 0 && bytes.length > selection.truncationSize();
        out.start(BODY).text(BODY_TYPE, "1").text(ESTIMATED_SIZE, String.valueOf(bytes.length));
        if (!body.isEmpty()) {
            out.text(TRUNCATED, cut ? "1" : "0");
            if (!cut) {
                out.text(BODY_DATA, body);
            } else if (!selection.allOrNone()) {
                out.text(BODY_DATA, prefix(body, selection.truncationSize()));
            }
        }
        out.end();
    }

    /** The longest start of the text whose UTF-8 form fits in {@code maxBytes}, never half a character. */
    static String prefix(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(cp);
        }
        return text.substring(0, end);
    }

    /** Writes what can be written; a stored value that cannot (a damaged date) is left out and logged, never a broken answer. */
    private static void writeFields(WbxmlWriter out, List<ItemField> fields, String prefix, Map<String, Object> properties,
                                    ProtocolVersion version) throws IOException {
        for (ItemField field : fields) {
            String name = prefix + field.property();
            if (!version.atLeast(field.since())) {
                continue;
            }
            if (field.kind() == ItemField.Kind.GROUP) {
                if (properties.keySet().stream().anyMatch(k -> k.startsWith(name + "."))) {
                    out.start(field.tag());
                    writeFields(out, field.members(), name + ".", properties, version);
                    out.end();
                }
                continue;
            }
            Object value = properties.get(name);
            if (value == null) {
                continue;
            }
            switch (field.kind()) {
                case TEXT -> out.text(field.tag(), String.valueOf(value));
                case DATE -> {
                    try {
                        out.text(field.tag(), EAS_DATE.format(Instant.parse(String.valueOf(value))));
                    } catch (DateTimeParseException e) {
                        LOG.warning(() -> "Left out " + name + ": the stored value '" + value + "' is not a date");
                    }
                }
                case LIST -> {
                    out.start(field.tag());
                    for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                        out.text(field.listItem(), String.valueOf(v));
                    }
                    out.end();
                }
                default -> throw new IllegalStateException(field.kind().name());
            }
        }
    }

    /** EAS dates come with or without milliseconds, and older clients send them without the 'Z'. */
    private static Instant instant(String text, ItemField field) throws Unreadable {
        String t = text.trim();
        try {
            return Instant.parse(t.endsWith("Z") ? t : t + "Z");
        } catch (DateTimeParseException e) {
            throw new Unreadable(field.tag().name() + " is not a date: '" + text + "'");
        }
    }
}
