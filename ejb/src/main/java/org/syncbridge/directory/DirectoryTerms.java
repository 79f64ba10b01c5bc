package org.syncbridge.directory;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.syncbridge.persistence.tenant.DirectoryTerm;

/**
 * The terms directory lookups match by prefix: lower-case, white space collapsed, and for names every
 * word-suffix, so "mar" finds "Anna Maria Berg" by "maria berg" and "maria be" still does. The V6
 * migration derives the same terms for the users that existed before.
 */
public final class DirectoryTerms {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private DirectoryTerms() {
    }

    /** How both terms and queries are compared: trimmed, one space between words, lower-case. */
    public static String normalize(String text) {
        return text == null ? "" : SPACES.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** "anna maria berg", "maria berg", "berg". */
    public static Set<String> wordSuffixes(String name) {
        Set<String> suffixes = new LinkedHashSet<>();
        String normalized = normalize(name);
        if (normalized.isEmpty()) {
            return suffixes;
        }
        String[] words = normalized.split(" ");
        for (int i = 0; i < words.length; i++) {
            suffixes.add(cut(String.join(" ", Arrays.copyOfRange(words, i, words.length))));
        }
        return suffixes;
    }

    /** A user's terms: names, "first last" and "last first", the login name and every address. */
    public static Set<String> ofUser(String displayName, String firstName, String lastName, String login,
                                     String primaryEmail, Collection<String> aliases) {
        Set<String> terms = new LinkedHashSet<>(wordSuffixes(displayName));
        terms.addAll(wordSuffixes(firstName));
        terms.addAll(wordSuffixes(lastName));
        if (firstName != null && lastName != null) {
            terms.addAll(wordSuffixes(firstName + " " + lastName));
            terms.addAll(wordSuffixes(lastName + " " + firstName));
        }
        addWhole(terms, login);
        addWhole(terms, primaryEmail);
        aliases.forEach(a -> addWhole(terms, a));
        return terms;
    }

    /** A LIKE pattern for "starts with" a normalized query, escaped with '!'. */
    public static String likePrefix(String normalizedQuery) {
        StringBuilder pattern = new StringBuilder();
        for (char c : cut(normalizedQuery).toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    /** Terms are cut to the column's length; a longer query is cut alike, so it still finds them. */
    static String cut(String term) {
        return term.length() <= DirectoryTerm.MAX_LENGTH ? term : term.substring(0, DirectoryTerm.MAX_LENGTH);
    }

    private static void addWhole(Set<String> terms, String value) {
        String normalized = normalize(value);
        if (!normalized.isEmpty()) {
            terms.add(cut(normalized));
        }
    }
}
