package org.syncbridge.web.eas.item;

import java.util.List;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * One row of an item class's mapping table: the EAS tag, the store's property, how the value is
 * written, and the protocol versions that carry it (from {@code since} up to {@code until}, inclusive).
 *
 * @param listItem for a LIST or RECORDS field, the tag of each entry (Category in Categories, Attendee in Attendees)
 * @param members  for a GROUP, its fields, stored as "group.member" properties; for RECORDS, the fields of each entry;
 *                 for a LIST, none, or the one field inside each entry that holds its value (FileReference in Delete)
 */
public record ItemField(Tag tag, String property, Kind kind, ProtocolVersion since, ProtocolVersion until, Tag listItem,
                        List<ItemField> members) {

    /** How a value travels. */
    public enum Kind {
        /** Text as it is. */
        TEXT,
        /** An instant, EAS-style "2026-11-23T10:00:00.000Z", stored ISO-8601. */
        DATE,
        /** An instant in MS-ASDTYPE's compact form "20261123T100000Z" (the Calendar class), stored ISO-8601. */
        COMPACT_DATE,
        /** Several texts, each in its own child element. */
        LIST,
        /** Bytes, as opaque data (a conversation id), stored as byte[]. */
        OPAQUE,
        /** A container of fields (a Recurrence). */
        GROUP,
        /**
         * A list of entries with fields of their own (Attendees, Exceptions), stored as a list of maps; records
         * (java.lang.Record) are written too, their components read as the fields' properties.
         */
        RECORDS,
        /** AirSyncBase Body, stored as plain text. */
        BODY,
        /** MS-ASDTYPE's TimeZone structure, stored as an IANA zone id judged in the year of "startTime". */
        TIME_ZONE,
        /**
         * A mail's body as AirSyncBase Body, stored as the ChosenBody the mail store picked (a String is read back
         * and written as a whole plain-text body).
         */
        CHOSEN_BODY,
        /** The same in EAS 2.5's own elements: Email Body, BodyTruncated, BodySize, or MIMEData, MIMETruncated, MIMESize. */
        CHOSEN_BODY_25,
        /**
         * A mail's message part as AirSyncBase BodyPart (14.1), stored as the ChosenBodyPart the mail store made; only
         * written: a client never sends one (MS-ASAIRS 2.2.2.10).
         */
        CHOSEN_BODY_PART,
        /** Email Flag, stored as its status: "0" cleared (an empty Flag), "1" complete, "2" flagged for follow-up. */
        FLAG
    }

    /** Whether a client speaking {@code version} knows this field. */
    public boolean carriedBy(ProtocolVersion version) {
        return version.atLeast(since) && (until == null || until.atLeast(version));
    }

    /** The same field, known only up to {@code last}. */
    ItemField until(ProtocolVersion last) {
        return new ItemField(tag, property, kind, since, last, listItem, members);
    }

    /** The same field under another property name (two tags of different versions for one property). */
    ItemField as(String otherProperty) {
        return new ItemField(tag, otherProperty, kind, since, until, listItem, members);
    }

    /** A text field whose property is the tag's name with a lower-case first letter. */
    static ItemField text(String namespace, String tag, ProtocolVersion since) {
        return of(namespace, tag, Kind.TEXT, since);
    }

    static ItemField date(String namespace, String tag, ProtocolVersion since) {
        return of(namespace, tag, Kind.DATE, since);
    }

    static ItemField compactDate(String namespace, String tag, ProtocolVersion since) {
        return of(namespace, tag, Kind.COMPACT_DATE, since);
    }

    static ItemField timeZone(String namespace, String tag, ProtocolVersion since) {
        return of(namespace, tag, Kind.TIME_ZONE, since);
    }

    static ItemField body(ProtocolVersion since) {
        return new ItemField(Tag.of("AirSyncBase:", "Body"), "body", Kind.BODY, since, null, null, List.of());
    }

    static ItemField opaque(String namespace, String tag, ProtocolVersion since) {
        return of(namespace, tag, Kind.OPAQUE, since);
    }

    static ItemField list(String namespace, String tag, String item, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.LIST, since, null, Tag.of(namespace, item), List.of());
    }

    /** A list whose entries hold their value in a child: {@code <Delete><FileReference>..</FileReference></Delete>}. */
    static ItemField wrappedList(String namespace, String tag, String item, ItemField value, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.LIST, since, null, Tag.of(namespace, item), List.of(value));
    }

    static ItemField group(String namespace, String tag, ProtocolVersion since, ItemField... members) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.GROUP, since, null, null, List.of(members));
    }

    static ItemField records(String namespace, String tag, String item, ProtocolVersion since, ItemField... members) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.RECORDS, since, null, Tag.of(namespace, item), List.of(members));
    }

    /** A field of any kind without entries or members, its property named after the tag. */
    static ItemField of(String namespace, String tag, Kind kind, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), kind, since, null, null, List.of());
    }

    private static String property(String tag) {
        return Character.toLowerCase(tag.charAt(0)) + tag.substring(1);
    }
}
