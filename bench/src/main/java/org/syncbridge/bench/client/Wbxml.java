package org.syncbridge.bench.client;

import java.util.Optional;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** Short names for building and reading EAS documents with the product's {@link Element}. */
public final class Wbxml {
    private Wbxml() {
    }

    public static Element el(String namespace, String name, Element... children) {
        return Element.of(Tag.of(namespace, name), children);
    }

    public static Element text(String namespace, String name, String value) {
        return Element.text(Tag.of(namespace, name), value);
    }

    public static Element empty(String namespace, String name) {
        return Element.empty(Tag.of(namespace, name));
    }

    /** The element at {@code names} below {@code root}, all in one namespace. */
    public static Optional<Element> path(Element root, String namespace, String... names) {
        Optional<Element> at = Optional.of(root);
        for (String name : names) {
            Tag tag = Tag.of(namespace, name);
            at = at.flatMap(e -> e.child(tag));
        }
        return at;
    }
}
