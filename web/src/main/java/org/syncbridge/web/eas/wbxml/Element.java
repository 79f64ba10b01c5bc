package org.syncbridge.web.eas.wbxml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An element of a decoded request, immutable: a tag with either child elements, a string, opaque bytes,
 * or nothing. ActiveSync never mixes text and elements in one element.
 */
public final class Element {
    private final Tag tag;
    private final List<Element> children;
    private final String text;
    private final byte[] opaque;

    private Element(Tag tag, List<Element> children, String text, byte[] opaque) {
        this.tag = Objects.requireNonNull(tag);
        this.children = children;
        this.text = text;
        this.opaque = opaque;
    }

    public static Element empty(Tag tag) {
        return new Element(tag, List.of(), null, null);
    }

    public static Element text(Tag tag, String text) {
        return new Element(tag, List.of(), Objects.requireNonNull(text), null);
    }

    /** Keeps {@code data} itself, not a copy: the caller gives it up. */
    public static Element opaque(Tag tag, byte[] data) {
        return new Element(tag, List.of(), null, Objects.requireNonNull(data));
    }

    public static Element of(Tag tag, List<Element> children) {
        return new Element(tag, List.copyOf(children), null, null);
    }

    public static Element of(Tag tag, Element... children) {
        return of(tag, List.of(children));
    }

    public Tag tag() {
        return tag;
    }

    public boolean is(Tag other) {
        return tag == other;
    }

    public List<Element> children() {
        return children;
    }

    /** The children with this tag, in document order. */
    public List<Element> children(Tag childTag) {
        List<Element> found = new ArrayList<>();
        for (Element child : children) {
            if (child.tag == childTag) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first child with this tag. */
    public Optional<Element> child(Tag childTag) {
        for (Element child : children) {
            if (child.tag == childTag) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The text of the first child with this tag; an empty child reads as "". */
    public Optional<String> childText(Tag childTag) {
        return child(childTag).map(Element::text);
    }

    /** The string content, or "" when there is none: ActiveSync reads {@code <Location/>} as an empty value. */
    public String text() {
        return text == null ? "" : text;
    }

    /** Whether the element holds a string, possibly "" (an {@code STR_I} on the wire). */
    public boolean hasText() {
        return text != null;
    }

    public boolean isOpaque() {
        return opaque != null;
    }

    /**
     * The content as bytes: the opaque data, or the string in UTF-8. Values such as {@code ComposeMail:Mime}
     * come either way, depending on the client.
     */
    public byte[] bytes() {
        return opaque != null ? opaque.clone() : text().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Element other && tag == other.tag && children.equals(other.children)
                && Objects.equals(text, other.text) && Arrays.equals(opaque, other.opaque);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, children, text, Arrays.hashCode(opaque));
    }

    /** An XML-like rendering for logs and test messages. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        render(out);
        return out.toString();
    }

    private void render(StringBuilder out) {
        out.append('<').append(tag);
        if (children.isEmpty() && text == null && opaque == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        if (text != null) {
            out.append(text);
        } else if (opaque != null) {
            out.append("[opaque ").append(opaque.length).append(" bytes]");
        }
        for (Element child : children) {
            child.render(out);
        }
        out.append("</").append(tag).append('>');
    }
}
