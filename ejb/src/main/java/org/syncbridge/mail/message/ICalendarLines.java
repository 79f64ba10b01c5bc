package org.syncbridge.mail.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few iCalendar facts the mail reader needs to name a message's class (METHOD, an attendee's PARTSTAT), read by
 * a line scan; everything else of an invitation is the {@link InvitationReader}'s.
 */
final class ICalendarLines {
    private ICalendarLines() {
    }

    /** Content lines with folding undone (RFC 5545 section 3.1). */
    static List<String> unfolded(String text) {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\r\n|\n|\r")) {
            if (!lines.isEmpty() && (raw.startsWith(" ") || raw.startsWith("\t"))) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + raw.substring(1));
            } else {
                lines.add(raw);
            }
        }
        return lines;
    }

    /** The value of the first property of that name (its parameters skipped), or null. */
    static String value(String text, String property) {
        for (String line : unfolded(text)) {
            String name = name(line);
            if (name.equalsIgnoreCase(property)) {
                int colon = valueStart(line);
                return colon < 0 ? null : line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The PARTSTAT of the first ATTENDEE that has one, upper-case, or null. */
    static String partStat(String text) {
        for (String line : unfolded(text)) {
            if (!name(line).equalsIgnoreCase("ATTENDEE")) {
                continue;
            }
            int end = valueStart(line);
            for (String param : line.substring(0, end < 0 ? line.length() : end).split(";")) {
                int eq = param.indexOf('=');
                if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("PARTSTAT")) {
                    return param.substring(eq + 1).replace("\"", "").trim().toUpperCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private static String name(String line) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != ';' && line.charAt(end) != ':') {
            end++;
        }
        return line.substring(0, end).trim();
    }

    /** The colon that starts the value: the first one outside a quoted parameter value. */
    private static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
