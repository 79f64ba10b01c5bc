package org.syncbridge.web.eas.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * code-pages.txt against the tables of [MS-ASWBXML] 2.1.2.1, copied by hand into {@code ms-aswbxml-tokens.txt}:
 * a tag lost, added, renamed or moved in either fails here, naming it.
 */
class CodePagesSpecTest {

    /** "page token" to tag name, in the spec's order. */
    private static Map<String, String> spec() throws IOException {
        Map<String, String> tags = new TreeMap<>();
        try (InputStream in = CodePagesSpecTest.class.getResourceAsStream("ms-aswbxml-tokens.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] words = line.replaceFirst("#.*", "").trim().split("\\s+");
                if (words[0].isEmpty()) {
                    continue;
                }
                String key = key(Integer.parseInt(words[0]), Integer.parseInt(words[1], 16));
                if (words.length != 3 || tags.put(key, words[2]) != null) {
                    throw new IllegalStateException("ms-aswbxml-tokens.txt: " + line);
                }
            }
        }
        return tags;
    }

    private static String key(int page, int token) {
        return String.format("%02d %02X", page, token);
    }

    @Test
    void theTableHoldsEveryTagOfTheSpecAndNoOther() throws IOException {
        Map<String, String> spec = spec();
        List<String> differences = new ArrayList<>();
        spec.forEach((key, name) -> {
            int page = Integer.parseInt(key.substring(0, 2));
            Tag tag = CodePages.tag(page, Integer.parseInt(key.substring(3), 16));
            if (tag == null) {
                differences.add(key + " " + name + ": missing");
            } else if (!tag.name().equals(name)) {
                differences.add(key + " " + name + ": named " + tag.name());
            }
        });
        for (Tag tag : CodePages.all()) {
            if (!spec.containsKey(key(tag.page(), tag.token()))) {
                differences.add(key(tag.page(), tag.token()) + " " + tag.name() + ": not in the spec");
            }
        }
        assertEquals(List.of(), differences);
        assertEquals(608, spec.size(), "tags in ms-aswbxml-tokens.txt");
    }

    @Test
    void everyPageOfTheSpecButAirNotifyHasTags() throws IOException {
        Map<String, String> spec = spec();
        assertEquals(26, CodePages.pageCount());
        for (int page = 0; page < CodePages.pageCount(); page++) {
            String prefix = String.format("%02d ", page);
            boolean listed = spec.keySet().stream().anyMatch(key -> key.startsWith(prefix));
            assertEquals(page != 3, listed, "page " + page);
        }
    }
}
