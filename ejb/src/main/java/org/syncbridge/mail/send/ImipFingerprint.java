package org.syncbridge.mail.send;

import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What makes an iMIP invitation or cancellation the same one again (RFC 6047): its METHOD, ORGANIZER, and the UID,
 * SEQUENCE and RECURRENCE-ID of each component, sent to the same recipients. iPhones send the very same invitation
 * again and again (DTSTAMP changes, nothing else); a real change raises SEQUENCE, a new attendee changes the
 * recipients. Only REQUEST and CANCEL count: a REPLY is the attendee's and goes out each time.
 */
final class ImipFingerprint {

    private ImipFingerprint() {
    }

    /** A hex SHA-256 of the invitation's identity and recipients; empty for a message without REQUEST or CANCEL. */
    static Optional<String> of(PhoneMessage message, List<InternetAddress> recipients) {
        for (MimeEntity leaf : message.root.leaves()) {
            if (!leaf.type.equals("text/calendar") && !leaf.type.equals("application/ics")) {
                continue;
            }
            try {
                Optional<String> identity = identity(LeafText.text(leaf));
                if (identity.isPresent()) {
                    TreeSet<String> to = new TreeSet<>();
                    recipients.forEach(a -> to.add(a.getAddress().toLowerCase(Locale.ROOT)));
                    return Optional.of(sha256(identity.get() + "\n" + String.join(",", to)));
                }
            } catch (IOException e) {
                // a calendar part that cannot be read is no invitation we can recognise
            }
        }
        return Optional.empty();
    }

    /** METHOD, ORGANIZER and each component's UID/SEQUENCE/RECURRENCE-ID, or empty when it is no REQUEST or CANCEL. */
    static Optional<String> identity(String calendar) {
        String method = null;
        String organizer = null;
        List<String> components = new ArrayList<>();
        String uid = null;
        String sequence = "0";
        String recurrence = "";
        int depth = 0;
        for (String line : calendar.replaceAll("\r?\n[ \t]", "").split("\r?\n")) {
            String name = name(line);
            String value = line.substring(line.indexOf(':') + 1).trim();
            if (name.equals("BEGIN")) {
                depth++;
                if (depth == 2) {
                    uid = null;
                    sequence = "0";
                    recurrence = "";
                }
            } else if (name.equals("END")) {
                if (depth == 2 && uid != null) {
                    components.add(uid + "/" + sequence + "/" + recurrence);
                }
                depth--;
            } else if (depth == 1 && name.equals("METHOD")) {
                method = value.toUpperCase(Locale.ROOT);
            } else if (depth == 2) {
                switch (name) {
                    case "UID" -> uid = value;
                    case "SEQUENCE" -> sequence = value;
                    case "RECURRENCE-ID" -> recurrence = value;
                    case "ORGANIZER" -> organizer = value.toLowerCase(Locale.ROOT).replaceFirst("^mailto:", "");
                    default -> {
                    }
                }
            }
        }
        if (!"REQUEST".equals(method) && !"CANCEL".equals(method) || components.isEmpty()) {
            return Optional.empty();
        }
        components.sort(null);
        return Optional.of(method + "\n" + organizer + "\n" + String.join("\n", components));
    }

    /** The property name: up to the first ';' (parameters) or ':' (value), upper-case. */
    private static String name(String line) {
        int end = line.length();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ';' || c == ':') {
                end = i;
                break;
            }
        }
        return line.substring(0, end).trim().toUpperCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
