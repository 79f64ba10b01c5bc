package org.syncbridge.pim;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import net.fortuna.ical4j.model.Recur;

/**
 * A user's merged free/busy string over a period (MS-ASCMD MergedFreeBusy): one digit per interval, 0 free,
 * 1 tentative, 2 busy, 3 out of office, the strongest status of any appointment occurrence that overlaps
 * the interval. Recurring appointments are expanded with their exceptions.
 */
public final class FreeBusy {
    private static final Logger LOG = Logger.getLogger(FreeBusy.class.getName());
    /** Occurrences looked at per series, so one endless daily series cannot make a request unbounded. */
    private static final int MAX_OCCURRENCES = 2000;

    private FreeBusy() {
    }

    public static String merged(List<Map<String, Object>> appointments, Instant start, Instant end, Duration interval) {
        int slots = (int) Math.max(0, (Duration.between(start, end).toMillis() + interval.toMillis() - 1) / interval.toMillis());
        char[] merged = "0".repeat(slots).toCharArray();
        for (Map<String, Object> appointment : appointments) {
            for (Occurrence o : occurrences(appointment, start, end)) {
                int from = (int) Math.max(0, Duration.between(start, o.start()).toMillis() / interval.toMillis());
                int to = (int) Math.min(slots, (Duration.between(start, o.end()).toMillis() + interval.toMillis() - 1) / interval.toMillis());
                for (int i = from; i < to; i++) {
                    merged[i] = (char) Math.max(merged[i], o.status());
                }
            }
        }
        return new String(merged);
    }

    private record Occurrence(Instant start, Instant end, char status) {
    }

    private static List<Occurrence> occurrences(Map<String, Object> appointment, Instant from, Instant to) {
        Optional<Instant> start = StoredValues.instant(appointment.get("startTime"));
        if (start.isEmpty()) {
            return List.of();
        }
        Duration length = Duration.between(start.get(), StoredValues.instant(appointment.get("endTime")).orElse(start.get()));
        char status = status(appointment.get("busyStatus"), '2');
        Optional<String> rule = RecurrenceRule.of(appointment);
        if (rule.isEmpty()) {
            return overlaps(start.get(), start.get().plus(length), from, to) ? List.of(new Occurrence(start.get(), start.get().plus(length), status)) : List.of();
        }
        Map<Instant, Map<?, ?>> exceptions = new HashMap<>();
        if (appointment.get("exceptions") instanceof List<?> list) {
            for (Object e : list) {
                if (e instanceof Map<?, ?> m) {
                    StoredValues.instant(m.get("exceptionStartTime")).ifPresent(original -> exceptions.put(original, m));
                }
            }
        }
        List<Occurrence> result = new java.util.ArrayList<>();
        try {
            ZonedDateTime seed = start.get().atZone(StoredValues.zone(appointment));
            Optional<Instant> until = StoredValues.instant(appointment.get("recurrence.until"));
            Instant last = until.filter(u -> u.isBefore(to)).orElse(to);
            List<ZonedDateTime> dates = new Recur<ZonedDateTime>(rule.get())
                    .getDates(seed, from.minus(length).atZone(seed.getZone()), last.plusSeconds(1).atZone(seed.getZone()), MAX_OCCURRENCES);
            for (ZonedDateTime date : dates) {
                Map<?, ?> exception = exceptions.remove(date.toInstant());
                if (exception == null) {
                    add(result, date.toInstant(), date.toInstant().plus(length), status, from, to);
                } else if (!"1".equals(String.valueOf(exception.get("deleted")))) {
                    Instant s = StoredValues.instant(exception.get("startTime")).orElse(date.toInstant());
                    add(result, s, StoredValues.instant(exception.get("endTime")).orElse(s.plus(length)), status(exception.get("busyStatus"), status), from, to);
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Left out of free/busy: the recurrence " + rule.get() + " could not be expanded: " + e);
        }
        for (Map<?, ?> moved : exceptions.values()) { // moved into the period from an occurrence outside it
            if (!"1".equals(String.valueOf(moved.get("deleted")))) {
                Optional<Instant> s = StoredValues.instant(moved.get("startTime"));
                s.ifPresent(t -> add(result, t, StoredValues.instant(moved.get("endTime")).orElse(t.plus(length)), status(moved.get("busyStatus"), status), from, to));
            }
        }
        return result;
    }

    private static void add(List<Occurrence> result, Instant s, Instant e, char status, Instant from, Instant to) {
        if (overlaps(s, e, from, to)) {
            result.add(new Occurrence(s, e, status));
        }
    }

    private static boolean overlaps(Instant s, Instant e, Instant from, Instant to) {
        return s.isBefore(to) && (e.isAfter(from) || (s.equals(e) && !s.isBefore(from)));
    }

    /** MS-ASCAL BusyStatus (0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere) as a free/busy digit. */
    private static char status(Object busyStatus, char otherwise) {
        return switch (String.valueOf(busyStatus).trim()) {
            case "0" -> '0';
            case "1", "4" -> '1';
            case "2" -> '2';
            case "3" -> '3';
            default -> otherwise;
        };
    }
}
