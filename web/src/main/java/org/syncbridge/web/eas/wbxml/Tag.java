package org.syncbridge.web.eas.wbxml;

/**
 * One tag of an ActiveSync code page: its page and token on the wire, its namespace and name in XML.
 * Every tag exists once; command classes look theirs up once, e.g.
 * {@code static final Tag SYNC_KEY = Tag.of("AirSync:", "SyncKey");}.
 */
public final class Tag {
    private final int page;
    private final int token;
    private final String namespace;
    private final String name;

    Tag(int page, int token, String namespace, String name) {
        this.page = page;
        this.token = token;
        this.namespace = namespace;
        this.name = name;
    }

    /**
     * The tag named {@code name} in {@code namespace}, written as ActiveSync XML writes it ({@code "AirSync:"}).
     *
     * @throws IllegalArgumentException if MS-ASWBXML has no such tag
     */
    public static Tag of(String namespace, String name) {
        return CodePages.tag(namespace, name);
    }

    public int page() {
        return page;
    }

    public int token() {
        return token;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return namespace + name;
    }
}
