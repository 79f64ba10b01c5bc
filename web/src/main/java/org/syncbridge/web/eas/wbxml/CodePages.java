package org.syncbridge.web.eas.wbxml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ActiveSync code pages, read once from {@code code-pages.txt} beside this class. */
final class CodePages {
    /** WBXML tag tokens run from 0x05 to 0x3F; lower values and the flag bits are global tokens. */
    static final int TOKENS = 0x40;

    private static final Tag[][] BY_TOKEN;
    private static final String[] NAMESPACES;
    private static final Map<String, Tag> BY_NAME = new HashMap<>();
    private static final List<Tag> ALL = new ArrayList<>();

    static {
        List<String> namespaces = new ArrayList<>();
        List<Tag[]> pages = new ArrayList<>();
        try (InputStream in = CodePages.class.getResourceAsStream("code-pages.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] words = line.trim().split("\\s+");
                if (words[0].isEmpty() || words[0].startsWith("#")) {
                    continue;
                }
                if (words[0].equals("page")) {
                    if (Integer.parseInt(words[1]) != pages.size()) {
                        throw new IllegalStateException("code pages out of order at: " + line);
                    }
                    namespaces.add(words[2]);
                    pages.add(new Tag[TOKENS]);
                    continue;
                }
                int page = pages.size() - 1;
                Tag tag = new Tag(page, Integer.parseInt(words[0], 16), namespaces.get(page), words[1]);
                pages.get(page)[tag.token()] = tag;
                ALL.add(tag);
                if (BY_NAME.put(tag.toString(), tag) != null) {
                    throw new IllegalStateException("tag listed twice: " + tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BY_TOKEN = pages.toArray(Tag[][]::new);
        NAMESPACES = namespaces.toArray(String[]::new);
    }

    private CodePages() {
    }

    static boolean hasPage(int page) {
        return page >= 0 && page < BY_TOKEN.length;
    }

    static int pageCount() {
        return BY_TOKEN.length;
    }

    static String namespace(int page) {
        return NAMESPACES[page];
    }

    /** The tag of a token on a page, or null if the page has none. */
    static Tag tag(int page, int token) {
        return hasPage(page) && token >= 0 && token < TOKENS ? BY_TOKEN[page][token] : null;
    }

    static Tag tag(String namespace, String name) {
        Tag tag = BY_NAME.get(namespace + name);
        if (tag == null) {
            throw new IllegalArgumentException("no ActiveSync tag " + namespace + name);
        }
        return tag;
    }

    /** Every tag, in the order of {@code code-pages.txt}. */
    static List<Tag> all() {
        return Collections.unmodifiableList(ALL);
    }
}
