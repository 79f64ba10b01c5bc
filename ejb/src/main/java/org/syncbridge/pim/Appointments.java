package org.syncbridge.pim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import net.fortuna.ical4j.model.Recur;

/**
 * What the store keeps true of every appointment, whoever wrote it: it has an iCalendar UID; an all-day
 * event (and an all-day exception) runs from midnight to midnight in its own time zone, so its dates stay
 * its dates for every reader; and the store knows when its last occurrence ends, for date windows.
 */
public final class Appointments {
    private static final Logger LOG = Logger.getLogger(Appointments.class.getName());
    /** A series longer than this is treated as endless rather than expanded on every write. */
    private static final int MAX_EXPANDED = 5000;

    private Appointments() {
    }

    /** The properties as the store keeps them; {@code properties} itself is left as it was. */
    public static Map<String, Object> normalized(Map<String, Object> properties) {
        Map<String, Object> result = new HashMap<>(properties);
        if (StoredValues.text(result, "uid") == null) {
            result.put("uid", UUID.randomUUID().toString().toUpperCase());
        }
        ZoneId zone = StoredValues.zone(result);
        boolean allDay = "1".equals(StoredValues.text(result, "allDayEvent"));
        if (allDay) {
            wholeDays(result, zone);
        }
        if (result.get("exceptions") instanceof List<?> exceptions) {
            List<Object> normalized = new ArrayList<>();
            for (Object e : exceptions) {
                if (e instanceof Map<?, ?> m) {
                    Map<String, Object> exception = new HashMap<>();
                    m.forEach((k, v) -> exception.put(String.valueOf(k), v));
                    String own = StoredValues.text(exception, "allDayEvent");
                    if (own != null ? own.equals("1") : allDay) {
                        wholeDays(exception, zone);
                    }
                    normalized.add(exception);
                } else {
                    normalized.add(e);
                }
            }
            result.put("exceptions", normalized);
        }
        return result;
    }

    /** When the appointment's last occurrence ends; empty when it never ends or its times are unknown. */
    public static Optional<Instant> spanEnd(Map<String, Object> properties) {
        Optional<Instant> start = StoredValues.instant(properties.get("startTime"));
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Instant end = StoredValues.instant(properties.get("endTime")).filter(e -> !e.isBefore(start.get())).orElse(start.get());
        Optional<Instant> last = Optional.of(end);
        Optional<String> rule = RecurrenceRule.of(properties);
        if (rule.isPresent()) {
            last = lastOccurrenceEnd(properties, rule.get(), start.get(), Duration.between(start.get(), end));
        }
        if (last.isPresent() && properties.get("exceptions") instanceof List<?> exceptions) {
            for (Object e : exceptions) { // a moved occurrence may end after the series
                if (e instanceof Map<?, ?> m && !"1".equals(String.valueOf(m.get("deleted")))) {
                    Optional<Instant> moved = StoredValues.instant(m.get("endTime"));
                    if (moved.isPresent() && moved.get().isAfter(last.get())) {
                        last = moved;
                    }
                }
            }
        }
        return last;
    }

    private static Optional<Instant> lastOccurrenceEnd(Map<String, Object> properties, String rule, Instant start, Duration length) {
        Optional<Instant> until = StoredValues.instant(properties.get("recurrence.until"));
        if (until.isPresent()) {
            return Optional.of(until.get().plus(length).plus(Duration.ofDays(1))); // an until date may mean its whole day
        }
        Integer count = StoredValues.number(properties, "recurrence.occurrences");
        if (count == null || count <= 0 || count > MAX_EXPANDED) {
            return Optional.empty();
        }
        try {
            ZonedDateTime seed = start.atZone(StoredValues.zone(properties));
            List<ZonedDateTime> dates = new Recur<ZonedDateTime>(rule).getDates(seed, seed, seed.plusYears(1000), count);
            return dates.isEmpty() ? Optional.of(start.plus(length)) : Optional.of(dates.get(dates.size() - 1).toInstant().plus(length));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Treated as endless: the recurrence " + rule + " could not be expanded: " + e);
            return Optional.empty();
        }
    }

    /** Start at the midnight before (or at) the start, end at the midnight after (or at) the end, at least a day later. */
    private static void wholeDays(Map<String, Object> times, ZoneId zone) {
        Optional<Instant> start = StoredValues.instant(times.get("startTime"));
        if (start.isEmpty()) {
            return;
        }
        ZonedDateTime from = start.get().atZone(zone).toLocalDate().atStartOfDay(zone);
        ZonedDateTime to = StoredValues.instant(times.get("endTime")).map(e -> e.atZone(zone)).orElse(from);
        ZonedDateTime toMidnight = to.toLocalDate().atStartOfDay(zone);
        if (!to.toLocalTime().equals(LocalTime.MIDNIGHT) || !toMidnight.isAfter(from)) {
            toMidnight = to.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
        if (!toMidnight.isAfter(from)) {
            toMidnight = from.toLocalDate().plusDays(1).atStartOfDay(zone);
        }
        times.put("startTime", from.toInstant().toString());
        times.put("endTime", toMidnight.toInstant().toString());
    }
}
