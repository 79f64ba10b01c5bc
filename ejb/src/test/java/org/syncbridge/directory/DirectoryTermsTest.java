package org.syncbridge.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryTermsTest {

    @Test
    void namesAreFoundFromTheStartOfAnyWordAndQueriesAreNormalizedAlike() {
        assertEquals(List.of("anna maria berg", "maria berg", "berg"), List.copyOf(DirectoryTerms.wordSuffixes("  Anna \t Maria  Berg ")));
        assertEquals("anna maria", DirectoryTerms.normalize(" ANNA   Maria "));
        assertEquals(Set.of(), DirectoryTerms.wordSuffixes("   "));
    }

    @Test
    void aUserIsFoundByNamesBothWaysRoundLoginAndEveryAddress() {
        Set<String> terms = DirectoryTerms.ofUser("Anna Berg", "Anna", "Berg-Lund", "aberg", "Anna.Berg@Example.org",
                List.of("ab@example.org"));
        assertTrue(terms.containsAll(Set.of("anna berg", "berg", "anna", "berg-lund", "anna berg-lund", "berg-lund anna",
                "aberg", "anna.berg@example.org", "ab@example.org")), terms.toString());
    }

    @Test
    void likePatternsMatchWildcardsLiterally() {
        assertEquals("a!_b!%c!!d%", DirectoryTerms.likePrefix("a_b%c!d"));
        assertEquals(321, DirectoryTerms.likePrefix("x".repeat(400)).length(), "cut like the terms, plus the %");
    }
}
