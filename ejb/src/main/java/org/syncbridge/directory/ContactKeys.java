package org.syncbridge.directory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.syncbridge.persistence.pim.ContactKey;

/**
 * What a contact is found by as a recipient (the word-suffixes of its names and its e-mail addresses)
 * and how it is shown, from its stored properties (named as the Contacts item table names them).
 */
public final class ContactKeys {
    private static final String[] ADDRESS_PROPERTIES = {"email1Address", "email2Address", "email3Address"};

    private ContactKeys() {
    }

    public static Set<ContactKey> of(long folderId, Map<String, Object> properties) {
        Set<ContactKey> keys = new LinkedHashSet<>();
        String first = text(properties, "firstName");
        String last = text(properties, "lastName");
        Set<String> names = new LinkedHashSet<>(DirectoryTerms.wordSuffixes(text(properties, "fileAs")));
        names.addAll(DirectoryTerms.wordSuffixes(first));
        names.addAll(DirectoryTerms.wordSuffixes(last));
        names.addAll(DirectoryTerms.wordSuffixes(text(properties, "nickName")));
        if (first != null && last != null) {
            names.addAll(DirectoryTerms.wordSuffixes(first + " " + last));
            names.addAll(DirectoryTerms.wordSuffixes(last + " " + first));
        }
        names.forEach(n -> keys.add(new ContactKey(folderId, false, n)));
        addresses(properties).keySet().forEach(a -> keys.add(new ContactKey(folderId, true, a)));
        return keys;
    }

    /** The contact's addresses, lower-case to as written, without the display names some phones put around them. */
    public static Map<String, String> addresses(Map<String, Object> properties) {
        Map<String, String> addresses = new LinkedHashMap<>();
        for (String property : ADDRESS_PROPERTIES) {
            address(text(properties, property)).ifPresent(a -> addresses.putIfAbsent(a.toLowerCase(Locale.ROOT), a));
        }
        return addresses;
    }

    /** "anna@example.org", also out of {@code "Anna Berg" <anna@example.org>}. */
    public static Optional<String> address(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String address = written.trim();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close).trim();
        }
        int at = address.indexOf('@');
        boolean plausible = at > 0 && at < address.length() - 1 && address.length() <= ContactKey.MAX_LENGTH
                && address.chars().noneMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>');
        return plausible ? Optional.of(address) : Optional.empty();
    }

    /** File-as name, else first and last name, else the nickname; null when the contact has none. */
    public static String displayName(Map<String, Object> properties) {
        String fileAs = text(properties, "fileAs");
        if (fileAs != null && !fileAs.isBlank()) {
            return fileAs.trim();
        }
        String names = ((orEmpty(text(properties, "firstName")) + " " + orEmpty(text(properties, "lastName")))).trim();
        if (!names.isEmpty()) {
            return names;
        }
        String nick = text(properties, "nickName");
        return nick == null || nick.isBlank() ? null : nick.trim();
    }

    private static String text(Map<String, Object> properties, String name) {
        return properties.get(name) instanceof String s ? s : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
