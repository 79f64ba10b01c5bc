package org.syncbridge.pim;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Typed reads of an item's stored properties; a value that is missing or damaged reads as absent, never as an error. */
final class StoredValues {
    private StoredValues() {
    }

    static String text(Map<String, Object> properties, String name) {
        return properties.get(name) instanceof String s && !s.isBlank() ? s : null;
    }

    static Integer number(Map<String, Object> properties, String name) {
        try {
            String text = text(properties, name);
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Optional<Instant> instant(Object value) {
        try {
            return value instanceof String s ? Optional.of(Instant.parse(s)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** An appointment's zone ("timeZone", an IANA id); UTC when it has none. */
    static ZoneId zone(Map<String, Object> properties) {
        try {
            String id = text(properties, "timeZone");
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
