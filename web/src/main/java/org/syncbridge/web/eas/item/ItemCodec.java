package org.syncbridge.web.eas.item;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
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
import org.syncbridge.web.eas.timezone.EasTimeZone;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * Reads and writes an item's ApplicationData through its class's mapping table: one codec for
 * every class, so a field is added by a row in a table, not by code. A PIM item's note travels as AirSyncBase
 * Body (property "body", plain text) from the class's body version on; a mail's table carries its own body.
 */
public final class ItemCodec {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ItemCodec.class.getName());
    private static final DateTimeFormatter EAS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Tag BODY_TYPE = Tag.of("AirSyncBase:", "Type");
    private static final Tag BODY_DATA = Tag.of("AirSyncBase:", "Data");
    private static final Tag ESTIMATED_SIZE = Tag.of("AirSyncBase:", "EstimatedDataSize");
    private static final Tag TRUNCATED = Tag.of("AirSyncBase:", "Truncated");
    /** The property whose year a TIME_ZONE field is judged in. */
    static final String START = "startTime";

    /** A value the table cannot carry: the item is refused with a conversion error, the rest syncs on. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final List<ItemField> table;

    /** A PIM class's codec: its table and its note as AirSyncBase Body from {@code bodySince}. */
    public ItemCodec(List<ItemField> table, ProtocolVersion bodySince) {
        this(withNote(table, bodySince));
    }

    /** A codec for a table that carries its own body, or none. */
    public ItemCodec(List<ItemField> table) {
        this.table = List.copyOf(table);
    }

    private static List<ItemField> withNote(List<ItemField> table, ProtocolVersion bodySince) {
        List<ItemField> withBody = new ArrayList<>(table);
        withBody.add(ItemField.body(bodySince));
        return withBody;
    }

    /** The properties a client of this version can send; a change from it replaces exactly these. */
    public Set<String> properties(ProtocolVersion version) {
        Set<String> names = new HashSet<>();
        collect(table, "", version, names);
        return names;
    }

    private static void collect(List<ItemField> fields, String prefix, ProtocolVersion version, Set<String> names) {
        for (ItemField f : fields) {
            if (f.carriedBy(version)) {
                if (f.kind() == ItemField.Kind.GROUP) {
                    collect(f.members(), memberPrefix(f, prefix), version, names);
                } else {
                    names.add(prefix + f.property());
                }
            }
        }
    }

    public Map<String, Object> read(Element applicationData, ProtocolVersion version) throws Unreadable {
        Map<String, Object> properties = new LinkedHashMap<>();
        readFields(applicationData, table, "", version, properties);
        return properties;
    }

    private static void readFields(Element parent, List<ItemField> fields, String prefix, ProtocolVersion version,
                                   Map<String, Object> properties) throws Unreadable {
        List<ItemField> zones = new ArrayList<>();
        for (ItemField field : fields) {
            Optional<Element> element = field.carriedBy(version) ? parent.child(field.tag()) : Optional.empty();
            if (element.isEmpty()) {
                continue;
            }
            String name = prefix + field.property();
            switch (field.kind()) {
                case TEXT -> properties.put(name, element.get().text());
                case DATE, COMPACT_DATE -> properties.put(name, instant(element.get().text(), field).toString());
                case LIST -> {
                    List<String> values = new ArrayList<>();
                    for (Element entry : element.get().children(field.listItem())) {
                        if (field.members().isEmpty()) {
                            values.add(entry.text());
                        } else {
                            entry.childText(field.members().get(0).tag()).ifPresent(values::add);
                        }
                    }
                    properties.put(name, values);
                }
                case OPAQUE -> properties.put(name, element.get().bytes());
                case GROUP -> readFields(element.get(), field.members(), memberPrefix(field, prefix), version, properties);
                case RECORDS -> {
                    List<Map<String, Object>> records = new ArrayList<>();
                    for (Element entry : element.get().children(field.listItem())) {
                        Map<String, Object> record = new LinkedHashMap<>();
                        readFields(entry, field.members(), "", version, record);
                        records.add(record);
                    }
                    properties.put(name, records);
                }
                case BODY -> element.get().childText(BODY_DATA).filter(d -> !d.isEmpty()).ifPresent(d -> properties.put(name, d));
                case CHOSEN_BODY -> properties.put(name, MailElements.bodyText(element.get()));
                case CHOSEN_BODY_25 -> properties.put(name, element.get().text());
                case CHOSEN_BODY_PART -> {
                    // a client's BodyPart means nothing (requests MUST NOT carry one): not read
                }
                case FLAG -> MailElements.flagStatus(element.get()).ifPresent(status -> properties.put(name, status));
                case TIME_ZONE -> zones.add(field);
            }
        }
        for (ItemField field : zones) { // judged in the year of the start, which may come after it
            String blob = parent.child(field.tag()).orElseThrow().text();
            ZoneId zone = EasTimeZone.decodeBase64(blob, year(properties.get(prefix + START)))
                    .orElseThrow(() -> new Unreadable(field.tag().name() + " is not a time zone: '" + blob + "'"));
            properties.put(prefix + field.property(), zone.getId());
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
        List<ItemField> fields = table.stream().filter(f -> selection.includes(f.tag())).toList();
        writeFields(out, fields, "", properties, version, selection);
    }

    /** Writes what can be written; a stored value that cannot (a damaged date) is left out and logged, never a broken answer. */
    private static void writeFields(WbxmlWriter out, List<ItemField> fields, String prefix, Map<String, Object> properties,
                                    ProtocolVersion version, Selection selection) throws IOException {
        for (ItemField field : fields) {
            String name = prefix + field.property();
            if (!field.carriedBy(version)) {
                continue;
            }
            Object value = properties.get(name);
            switch (field.kind()) {
                case GROUP -> {
                    String members = memberPrefix(field, prefix);
                    if (field.members().stream().anyMatch(m -> m.carriedBy(version) && properties.containsKey(members + m.property()))) {
                        out.start(field.tag());
                        writeFields(out, field.members(), members, properties, version, selection);
                        out.end();
                    }
                }
                case BODY -> writeBody(out, field, value instanceof String s ? s : "", selection);
                case TEXT -> {
                    if (value != null) {
                        out.text(field.tag(), text(value));
                    }
                }
                case OPAQUE -> {
                    if (value instanceof byte[] bytes) {
                        out.opaque(field.tag(), bytes);
                    } else if (value != null) {
                        LOG.warning(() -> "Left out " + name + ": the stored value is no byte[] but " + value.getClass().getName());
                    }
                }
                case CHOSEN_BODY -> {
                    if (value != null) {
                        MailElements.writeBody(out, field, value, version);
                    }
                }
                case CHOSEN_BODY_25 -> {
                    if (value != null) {
                        MailElements.writeBody25(out, field, name, value);
                    }
                }
                case CHOSEN_BODY_PART -> {
                    if (value != null) {
                        MailElements.writeBodyPart(out, field, name, value);
                    }
                }
                case FLAG -> {
                    if (value != null) {
                        MailElements.writeFlag(out, field, name, String.valueOf(value));
                    }
                }
                case DATE, COMPACT_DATE -> {
                    if (value != null) {
                        writeDate(out, field, name, value);
                    }
                }
                case TIME_ZONE -> {
                    if (value != null) {
                        writeZone(out, field, name, value, properties.get(prefix + START));
                    }
                }
                case LIST -> {
                    if (value != null) {
                        out.start(field.tag());
                        for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                            if (field.members().isEmpty()) {
                                out.text(field.listItem(), text(v));
                            } else {
                                out.start(field.listItem()).text(field.members().get(0).tag(), text(v)).end();
                            }
                        }
                        out.end();
                    }
                }
                case RECORDS -> {
                    if (value instanceof List<?> records && !records.isEmpty()) {
                        out.start(field.tag());
                        for (Object record : records) {
                            out.start(field.listItem());
                            writeFields(out, field.members(), "", entry(record), version, selection);
                            out.end();
                        }
                        out.end();
                    }
                }
            }
        }
    }

    private static void writeBody(WbxmlWriter out, ItemField field, String body, Selection selection) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean cut = selection.truncationSize() >= 0 && bytes.length > selection.truncationSize();
        out.start(field.tag()).text(BODY_TYPE, "1").text(ESTIMATED_SIZE, String.valueOf(bytes.length));
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

    /** EAS booleans are 0 and 1; NUL, which no WBXML string can hold, carries nothing in a text value. */
    static String text(Object value) {
        String text = value instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(value);
        return withoutNul(text);
    }

    static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    /** An entry of a RECORDS field: a map, or a record whose components are named like the fields' properties. */
    private static Map<String, Object> entry(Object entry) {
        if (entry instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        if (entry instanceof Record record) {
            Map<String, Object> components = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    components.put(c.getName(), c.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c + " of " + record.getClass().getName(), e);
                }
            }
            return components;
        }
        return Map.of();
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

    private static void writeDate(WbxmlWriter out, ItemField field, String name, Object value) throws IOException {
        try {
            Instant instant = Instant.parse(String.valueOf(value));
            out.text(field.tag(), (field.kind() == ItemField.Kind.COMPACT_DATE ? COMPACT_DATE : EAS_DATE).format(instant));
        } catch (DateTimeParseException e) {
            LOG.warning(() -> "Left out " + name + ": the stored value '" + value + "' is not a date");
        }
    }

    private static void writeZone(WbxmlWriter out, ItemField field, String name, Object value, Object start) throws IOException {
        try {
            out.text(field.tag(), EasTimeZone.encodeBase64(ZoneId.of(String.valueOf(value)), year(start)));
        } catch (DateTimeException e) {
            LOG.warning(() -> "Left out " + name + ": the stored value '" + value + "' is not a time zone");
        }
    }

    /** A group's members are stored as "group.member"; those of a group without a property name as their own names. */
    private static String memberPrefix(ItemField group, String prefix) {
        return group.property().isEmpty() ? prefix : prefix + group.property() + ".";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The year of a stored instant, or this year when there is none. */
    private static int year(Object instant) {
        try {
            return Instant.parse(String.valueOf(instant)).atZone(ZoneOffset.UTC).getYear();
        } catch (DateTimeParseException e) {
            return Year.now(ZoneOffset.UTC).getValue();
        }
    }

    /** EAS dates come with or without milliseconds, compact or extended, and older clients leave out the 'Z'. */
    private static Instant instant(String text, ItemField field) throws Unreadable {
        String t = text.trim();
        String utc = t.endsWith("Z") ? t : t + "Z";
        try {
            return utc.indexOf('-') < 0 ? COMPACT_DATE.parse(utc, Instant::from) : Instant.parse(utc);
        } catch (DateTimeParseException e) {
            throw new Unreadable(field.tag().name() + " is not a date: '" + text + "'");
        }
    }
}
