package org.syncbridge.mail.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * iCalendar text made fit for a strict parser: producers fold lines with bare LFs or tabs, leave blank lines, and
 * some break long text values without the leading space folding needs. ical4j gives up on the first such line, so
 * lines are unfolded here and a line that is not a content line (RFC 5545 3.1) is taken as the continuation of a
 * text value before it, or dropped; so is what surrounds BEGIN:VCALENDAR ... END:VCALENDAR.
 */
final class IcalText {
    private static final String PARAM_VALUE = "(?:\"[^\"]*+\"|[^\";:,]*+)";
    private static final Pattern CONTENT_LINE = Pattern.compile(
            "[A-Za-z0-9-]++(?:;[A-Za-z0-9-]++=" + PARAM_VALUE + "(?:," + PARAM_VALUE + ")*+)*+:.*+");
    /** Properties whose value is free text, where a stray line is most likely a lost line break. */
    private static final Pattern TEXT_PROPERTY = Pattern.compile("(?i)(SUMMARY|LOCATION|DESCRIPTION|COMMENT)[;:].*+");

    private IcalText() {
    }

    static String clean(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>();
        StringBuilder current = null;
        for (String physical : body.split("\r\n|\r|\n")) {
            if (current != null && !physical.isEmpty() && (physical.charAt(0) == ' ' || physical.charAt(0) == '\t')) {
                current.append(physical, 1, physical.length());
                continue;
            }
            if (current != null) {
                lines.add(current.toString());
            }
            current = new StringBuilder(physical);
        }
        if (current != null) {
            lines.add(current.toString());
        }
        List<String> kept = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            // what a mail wraps around the object (headers, a signature) is not part of it
            if (!inside) {
                inside = line.trim().equalsIgnoreCase("BEGIN:VCALENDAR");
                if (!inside) {
                    continue;
                }
            }
            if (line.isBlank()) {
                continue;
            }
            if (CONTENT_LINE.matcher(line).matches()) {
                kept.add(line);
            } else if (!kept.isEmpty() && TEXT_PROPERTY.matcher(kept.get(kept.size() - 1)).matches()) {
                kept.set(kept.size() - 1, kept.get(kept.size() - 1) + "\\n" + line);
            }
            if (line.trim().equalsIgnoreCase("END:VCALENDAR")) {
                break;
            }
        }
        return String.join("\r\n", kept) + "\r\n";
    }
}
