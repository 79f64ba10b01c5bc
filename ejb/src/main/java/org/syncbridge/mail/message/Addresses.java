package org.syncbridge.mail.message;

import jakarta.mail.Address;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Address headers as clients show them: RFC 5322 text with the display names decoded. */
final class Addresses {
    private Addresses() {
    }

    /** The addresses of a header (all its occurrences joined by ","), parsed leniently; empty for none. */
    static List<InternetAddress> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return List.of(InternetAddress.parseHeader(MimeUtility.unfold(header), false));
        } catch (AddressException e) {
            return List.of();
        }
    }

    /** "Ann Example" &lt;ann@example.com&gt;, bob@example.com: a display name always quoted, as Exchange sends it. */
    static String format(List<InternetAddress> addresses) {
        return addresses.stream().map(Addresses::format).collect(Collectors.joining(", "));
    }

    private static String format(InternetAddress a) {
        String name = personal(a);
        if (a.isGroup() || name == null) {
            return a.getAddress();
        }
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + a.getAddress() + ">";
    }

    /** The display names (the address where there is none), separated by "; " (MS-ASEMAIL DisplayTo). */
    static String displayNames(List<InternetAddress> addresses) {
        return addresses.stream().map(a -> {
            String name = personal(a);
            return name != null ? name : a.getAddress();
        }).collect(Collectors.joining("; "));
    }

    /** Whether any of the addresses, a group's members included, is one of {@code own} (compared ignoring case). */
    static boolean contains(List<InternetAddress> addresses, Collection<String> own) {
        Set<String> mine = own.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (InternetAddress a : flatten(addresses)) {
            if (a.getAddress() != null && mine.contains(a.getAddress().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static List<InternetAddress> flatten(List<InternetAddress> addresses) {
        List<InternetAddress> flat = new ArrayList<>();
        for (InternetAddress a : addresses) {
            if (a.isGroup()) {
                try {
                    InternetAddress[] members = a.getGroup(false);
                    if (members != null) {
                        flat.addAll(List.of(members));
                    }
                } catch (AddressException e) {
                    // a group that does not parse has no member to match
                }
            } else {
                flat.add(a);
            }
        }
        return flat;
    }

    /** The display name, RFC 2047 words decoded even where Jakarta Mail left them (e.g. inside quotes). */
    private static String personal(Address address) {
        String name = address instanceof InternetAddress a ? a.getPersonal() : null;
        if (name == null) {
            return null;
        }
        name = EncodedWords.decode(name).strip();
        return name.isEmpty() ? null : name;
    }
}
