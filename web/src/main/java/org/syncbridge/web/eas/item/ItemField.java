package org.syncbridge.web.eas.item;

import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * One row of an item class's mapping table: the EAS tag, the store's property, how the value is
 * written, and the first protocol version that carries it.
 *
 * @param listItem for a LIST field, the tag of each entry (Category in Categories)
 */
public record ItemField(Tag tag, String property, Kind kind, ProtocolVersion since, Tag listItem) {

    /** How a value travels. */
    public enum Kind {
        /** Text as it is. */
        TEXT,
        /** An instant, EAS-style "2026-11-23T10:00:00.000Z", stored ISO-8601. */
        DATE,
        /** Several texts, each in its own child element. */
        LIST
    }

    /** A text field whose property is the tag's name with a lower-case first letter. */
    static ItemField text(String namespace, String tag, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.TEXT, since, null);
    }

    static ItemField date(String namespace, String tag, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.DATE, since, null);
    }

    static ItemField list(String namespace, String tag, String item, ProtocolVersion since) {
        return new ItemField(Tag.of(namespace, tag), property(tag), Kind.LIST, since, Tag.of(namespace, item));
    }

    private static String property(String tag) {
        return Character.toLowerCase(tag.charAt(0)) + tag.substring(1);
    }
}
