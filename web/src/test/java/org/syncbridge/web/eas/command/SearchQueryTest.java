package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** What a GAL Search asks for, and which requests are malformed (Store Status 2). */
class SearchQueryTest {
    private static final String S = "Search:";

    private static Element store(String query, Element... options) {
        List<Element> children = new ArrayList<>(List.of(Element.text(Tag.of(S, "Name"), "GAL")));
        if (query != null) {
            children.add(Element.text(Tag.of(S, "Query"), query));
        }
        if (options.length > 0) {
            children.add(Element.of(Tag.of(S, "Options"), options));
        }
        return Element.of(Tag.of(S, "Store"), children);
    }

    private static Element text(String name, String value) {
        return Element.text(Tag.of(S, name), value);
    }

    @Test
    void theDefaultRangeIsTheFirstHundredAndALongerOneIsCutToAHundred() {
        SearchCommand.GalQuery plain = SearchCommand.read(store("ann"), true).orElseThrow();
        assertEquals("ann", plain.query());
        assertEquals(0, plain.first());
        assertEquals(99, plain.last());
        assertTrue(plain.photos().isEmpty());
        SearchCommand.GalQuery paged = SearchCommand.read(store("ann", text("Range", "10-19")), true).orElseThrow();
        assertEquals(10, paged.first());
        assertEquals(19, paged.last());
        SearchCommand.GalQuery wide = SearchCommand.read(store("ann", text("Range", "5-999")), true).orElseThrow();
        assertEquals(104, wide.last());
    }

    @Test
    void malformedQueriesAndRangesAreRefused() {
        assertFalse(SearchCommand.read(store(null), true).isPresent());
        assertFalse(SearchCommand.read(store("  "), true).isPresent());
        assertFalse(SearchCommand.read(store("x".repeat(257)), true).isPresent());
        for (String range : List.of("9-1", "a-b", "1", "-1-5", "0-99999999999")) {
            assertFalse(SearchCommand.read(store("ann", text("Range", range)), true).isPresent(), range);
        }
        Element structured = Element.of(Tag.of(S, "Store"), Element.text(Tag.of(S, "Name"), "GAL"),
                Element.of(Tag.of(S, "Query"), Element.text(Tag.of(S, "FreeText"), "ann")));
        assertFalse(SearchCommand.read(structured, true).isPresent());
    }

    @Test
    void picturesAreAskedForFrom141WithReadableLimits() {
        Element picture = Element.of(Tag.of(S, "Picture"), text("MaxSize", "2048"), text("MaxPictures", "2"));
        assertTrue(SearchCommand.read(store("ann", picture), true).orElseThrow().photos().isPresent());
        assertTrue(SearchCommand.read(store("ann", Element.empty(Tag.of(S, "Picture"))), true).orElseThrow().photos().isPresent());
        assertEquals(Optional.empty(), SearchCommand.read(store("ann", picture), false).orElseThrow().photos(),
                "14.0 and older know no pictures");
        Element bad = Element.of(Tag.of(S, "Picture"), text("MaxSize", "-1"));
        assertFalse(SearchCommand.read(store("ann", bad), true).isPresent());
    }
}
