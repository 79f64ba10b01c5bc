package org.syncbridge.pim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An appointment's stored recurrence ("recurrence.*", with MS-ASCAL's values) as an iCalendar RRULE
 * (RFC 5545 3.3.10), without UNTIL, which callers apply themselves. One mapping for every use: the
 * appointment's extent, free/busy, iMIP.
 */
public final class RecurrenceRule {
    private static final String[] DAYS = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};

    private RecurrenceRule() {
    }

    /** The RRULE of the properties' recurrence; empty when there is none or it is not one MS-ASCAL defines. */
    public static Optional<String> of(Map<String, Object> properties) {
        String type = StoredValues.text(properties, "recurrence.type");
        if (type == null) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        String days = byDay(StoredValues.number(properties, "recurrence.dayOfWeek"));
        Integer week = StoredValues.number(properties, "recurrence.weekOfMonth");
        Integer monthDay = StoredValues.number(properties, "recurrence.dayOfMonth");
        Integer month = StoredValues.number(properties, "recurrence.monthOfYear");
        switch (type.trim()) {
            case "0" -> {
                parts.add("FREQ=DAILY");
                if (days != null) {
                    parts.add("BYDAY=" + days);
                }
            }
            case "1" -> {
                parts.add("FREQ=WEEKLY");
                if (days != null) {
                    parts.add("BYDAY=" + days);
                }
            }
            case "2" -> {
                parts.add("FREQ=MONTHLY");
                if (monthDay != null) {
                    parts.add("BYMONTHDAY=" + monthDay);
                }
            }
            case "3", "6" -> {
                if (days == null || week == null || week < 1 || week > 5) {
                    return Optional.empty();
                }
                parts.add(type.trim().equals("3") ? "FREQ=MONTHLY" : "FREQ=YEARLY");
                if (type.trim().equals("6") && month != null) {
                    parts.add("BYMONTH=" + month);
                }
                parts.add("BYDAY=" + days);
                parts.add("BYSETPOS=" + (week == 5 ? -1 : week)); // 5 is "the last"
            }
            case "5" -> {
                parts.add("FREQ=YEARLY");
                if (month != null) {
                    parts.add("BYMONTH=" + month);
                }
                if (monthDay != null) {
                    parts.add("BYMONTHDAY=" + monthDay);
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        Integer interval = StoredValues.number(properties, "recurrence.interval");
        if (interval != null && interval > 1) {
            parts.add("INTERVAL=" + interval);
        }
        Integer count = StoredValues.number(properties, "recurrence.occurrences");
        if (count != null && count > 0) {
            parts.add("COUNT=" + count);
        }
        Integer firstDay = StoredValues.number(properties, "recurrence.firstDayOfWeek");
        if (firstDay != null && firstDay >= 0 && firstDay < 7) {
            parts.add("WKST=" + DAYS[firstDay]);
        }
        return Optional.of(String.join(";", parts));
    }

    /** MS-ASCAL's DayOfWeek bits (1 Sunday ... 64 Saturday) as BYDAY. */
    private static String byDay(Integer mask) {
        if (mask == null || mask <= 0) {
            return null;
        }
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            if ((mask & (1 << i)) != 0) {
                days.add(DAYS[i]);
            }
        }
        return String.join(",", days);
    }
}
