package org.syncbridge.web.eas.item;

import java.util.List;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * One row of an item class's mapping table: the EAS tag, the store's property, how the value is
 * written, and the first protocol version that carries it.
 *
 * @param listItem for a LIST field, the tag of each entry (Category in Categories)
 * @param members  for a GROUP field, its own fields, stored as "group.member" properties
 */
public record ItemField(Tag tag, String property, Kind kind, ProtocolVersion since, Tag listItem, List<ItemField> members) {

    /** How a value travels. */
    public enum Kind {
        /** Text as it is. */
        TEXT,
        /** An instant, EAS-style "2026-11-23T10:00:00.000Z", stored ISO-8601. */
        DATE,
        /** Several texts, each in its own child element. */
        LIST,
        /** A container of fields (a Recurrence). */
        GROUP
    }

    /** A text field whose property is the tag's name with a lower-case first letter. */
    static ItemField text(String namespace, String tag, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.TEXT, since, null, List.of());
    }

    static ItemField date(String namespace, String tag, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.DATE, since, null, List.of());
    }

    static ItemField list(String namespace, String tag, String item, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.LIST, since, Tag.of(namespace, item), List.of());
    }

    static ItemField group(String namespace, String tag, ProtocolVersion since, ItemField... members) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.GROUP, since, null, List.of(members));
    }

    private static String property(String tag) {
        return Character.toLowerCase(tag.charAt(0)) + tag.substring(1);
    }
}
