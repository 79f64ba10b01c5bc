package org.syncbridge.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.syncbridge.persistence.pim.ContactKey;

class ContactKeysTest {

    @Test
    void aContactIsFoundByItsNamesAndAddressesInItsFolder() {
        Set<ContactKey> keys = ContactKeys.of(7, Map.of("fileAs", "Groß, Jürgen", "firstName", "Jürgen", "lastName", "Groß",
                "email1Address", "\"Jürgen Groß\" <JG@Example.com>", "email2Address", "jg@example.com",
                "email3Address", "not an address", "categories", List.of("Friends")));
        assertTrue(keys.stream().allMatch(k -> k.getFolderId() == 7));
        Set<String> addresses = keys.stream().filter(ContactKey::isAddress).map(ContactKey::getTerm).collect(Collectors.toSet());
        assertEquals(Set.of("jg@example.com"), addresses, "one key per address, whatever its case or display name");
        Set<String> names = keys.stream().filter(k -> !k.isAddress()).map(ContactKey::getTerm).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("groß, jürgen", "jürgen", "groß", "jürgen groß", "groß jürgen")), names.toString());
    }

    @Test
    void addressesAreTakenOutOfWhatPhonesWrite() {
        assertEquals(Optional.of("a@b.org"), ContactKeys.address(" \"A, B\" <a@b.org> "));
        assertEquals(Optional.of("a@b.org"), ContactKeys.address("a@b.org"));
        assertEquals(Optional.empty(), ContactKeys.address("a b@c.org"));
        assertEquals(Optional.empty(), ContactKeys.address("@c.org"));
        assertEquals(Map.of("a@b.org", "A@b.org"), ContactKeys.addresses(Map.of("email1Address", "A@b.org", "email2Address", "a@B.ORG")));
    }

    @Test
    void theNameShownIsFileAsElseFirstAndLastElseTheNickname() {
        assertEquals("Groß, Jürgen", ContactKeys.displayName(Map.of("fileAs", "Groß, Jürgen", "firstName", "Jürgen")));
        assertEquals("Jürgen Groß", ContactKeys.displayName(Map.of("firstName", "Jürgen", "lastName", "Groß")));
        assertEquals("Jo", ContactKeys.displayName(Map.of("nickName", "Jo")));
        assertNull(ContactKeys.displayName(Map.of("email1Address", "a@b.org")));
    }
}
