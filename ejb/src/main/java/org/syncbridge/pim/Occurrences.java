package org.syncbridge.pim;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Single occurrences of a recurring appointment: an exception in "exceptions" keyed by the original start
 * of its occurrence ("exceptionStartTime"), deleted ("deleted" = "1") or with fields of its own.
 */
public final class Occurrences {
    private Occurrences() {
    }

    /** The appointment with the occurrence starting at {@code instanceId} deleted. */
    public static Map<String, Object> deleted(Map<String, Object> appointment, String instanceId) {
        return withException(appointment, instanceId, Map.of("deleted", "1"));
    }

    /** The appointment with the occurrence starting at {@code instanceId} given {@code fields} of its own. */
    public static Map<String, Object> changed(Map<String, Object> appointment, String instanceId, Map<String, Object> fields) {
        Map<String, Object> own = new HashMap<>(fields);
        own.keySet().removeIf(k -> k.startsWith("recurrence.") || k.equals("exceptions") || k.equals("uid") || k.equals("timeZone"));
        return withException(appointment, instanceId, own);
    }

    private static Map<String, Object> withException(Map<String, Object> appointment, String instanceId, Map<String, Object> fields) {
        List<Object> exceptions = new ArrayList<>();
        if (appointment.get("exceptions") instanceof List<?> list) {
            for (Object e : list) {
                if (!(e instanceof Map<?, ?> m && sameInstant(m.get("exceptionStartTime"), instanceId))) {
                    exceptions.add(e);
                }
            }
        }
        Map<String, Object> exception = new HashMap<>(fields);
        exception.put("exceptionStartTime", instanceId);
        exceptions.add(exception);
        Map<String, Object> result = new HashMap<>(appointment);
        result.put("exceptions", exceptions);
        return result;
    }

    private static boolean sameInstant(Object a, String b) {
        try {
            return a != null && Instant.parse(String.valueOf(a)).equals(Instant.parse(b));
        } catch (DateTimeParseException e) {
            return Objects.equals(a, b);
        }
    }
}
