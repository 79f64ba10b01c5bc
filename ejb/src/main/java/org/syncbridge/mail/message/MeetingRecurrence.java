package org.syncbridge.mail.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * An RRULE as MS-ASEMAIL's Recurrence (2.2.2.60; the values MS-ASCAL uses too): Type 0 daily, 1 weekly, 2 monthly on a
 * day, 3 monthly on the nth weekday, 5 yearly on a date, 6 yearly on the nth weekday of a month; WeekOfMonth 5 is the
 * last; DayOfWeek bits 1 Sunday ... 64 Saturday. The inverse of {@link org.syncbridge.pim.RecurrenceRule#of}, which
 * maps the stored form back to an RRULE. What the phone's form cannot say (hourly rules, several months or days of
 * month, BYYEARDAY, BYWEEKNO) gives no recurrence rather than a wrong one.
 */
final class MeetingRecurrence {
    private static final List<WeekDay.Day> DAYS = List.of(WeekDay.Day.SU, WeekDay.Day.MO, WeekDay.Day.TU, WeekDay.Day.WE,
            WeekDay.Day.TH, WeekDay.Day.FR, WeekDay.Day.SA);
    private static final int EVERY_DAY = 127;

    private MeetingRecurrence() {
    }

    /** The recurrence of {@code rrule} for a series whose first start is {@code start} (wall time) in {@code zone}. */
    static Optional<Map<String, Object>> of(String rrule, LocalDateTime start, IcalZones.Zone zone) {
        Recur<?> recur;
        try {
            recur = new Recur<>(rrule.trim(), true);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Frequency frequency = recur.getFrequency();
        boolean byMonth = frequency == Frequency.MONTHLY || frequency == Frequency.YEARLY;
        if (!recur.getYearDayList().isEmpty() || !recur.getWeekNoList().isEmpty() || recur.getMonthList().size() > 1
                || recur.getMonthDayList().size() > 1 || recur.getSetPosList().size() > 1 || recur.getHourList().size() > 1
                || recur.getMinuteList().size() > 1 || recur.getSecondList().size() > 1
                || !byMonth && (!recur.getMonthDayList().isEmpty() || !recur.getSetPosList().isEmpty() || !recur.getMonthList().isEmpty())
                || frequency == Frequency.MONTHLY && !recur.getMonthList().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = new LinkedHashMap<>();
        Integer month = recur.getMonthList().isEmpty() ? null : recur.getMonthList().get(0).getMonthOfYear();
        Integer monthDay = recur.getMonthDayList().isEmpty() ? null : recur.getMonthDayList().get(0);
        if (frequency == Frequency.DAILY) {
            r.put("type", "0");
            plainDays(recur).ifPresent(d -> r.put("dayOfWeek", d));
        } else if (frequency == Frequency.WEEKLY) {
            r.put("type", "1");
            r.put("dayOfWeek", plainDays(recur).orElse(String.valueOf(bit(start.getDayOfWeek()))));
        } else if (byMonth) {
            boolean yearly = frequency == Frequency.YEARLY;
            if (!recur.getDayList().isEmpty() || Integer.valueOf(-1).equals(monthDay)) {
                if (!nthWeekday(recur, monthDay, r)) {
                    return Optional.empty();
                }
                r.put("type", yearly ? "6" : "3");
            } else {
                int day = monthDay != null ? monthDay : start.getDayOfMonth();
                if (day < 1 || day > 31) {
                    return Optional.empty();
                }
                r.put("type", yearly ? "5" : "2");
                r.put("dayOfMonth", String.valueOf(day));
            }
            if (yearly) {
                r.put("monthOfYear", String.valueOf(month != null ? month : start.getMonthValue()));
            }
        } else {
            return Optional.empty();
        }
        r.put("interval", String.valueOf(Math.max(1, recur.getInterval())));
        if (recur.getCount() > 0) {
            r.put("occurrences", String.valueOf(recur.getCount()));
        } else if (recur.getUntil() != null) {
            until(recur.getUntil(), start, zone).ifPresent(u -> r.put("until", u.toString()));
        }
        WeekDay weekStart = recur.getWeekStartDay();
        r.put("firstDayOfWeek", String.valueOf(DAYS.indexOf(weekStart != null ? weekStart.getDay() : WeekDay.Day.MO)));
        return Optional.of(Collections.unmodifiableMap(r));
    }

    /** BYDAY without ordinals as a DayOfWeek mask. */
    private static Optional<String> plainDays(Recur<?> recur) {
        if (recur.getDayList().isEmpty() || recur.getDayList().stream().anyMatch(d -> d.getOffset() != 0)) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(mask(recur.getDayList())));
    }

    /** "2TU", "-1FR", "TU;BYSETPOS=2", "MO,...,FR;BYSETPOS=-1" or BYMONTHDAY=-1 (the last day) as WeekOfMonth and DayOfWeek. */
    private static boolean nthWeekday(Recur<?> recur, Integer monthDay, Map<String, Object> r) {
        if (monthDay != null && (monthDay != -1 || !recur.getDayList().isEmpty())) {
            return false;
        }
        int week;
        int days;
        Set<Integer> offsets = recur.getDayList().stream().map(WeekDay::getOffset).collect(Collectors.toSet());
        if (monthDay != null) {
            week = -1;
            days = EVERY_DAY;
        } else if (!recur.getSetPosList().isEmpty() && offsets.equals(Set.of(0))) {
            week = recur.getSetPosList().get(0);
            days = mask(recur.getDayList());
        } else if (recur.getSetPosList().isEmpty() && recur.getDayList().size() == 1 && !offsets.contains(0)) {
            // one weekday only: "1MO,1WE" is two meetings a month, the phone's form would make it one
            week = offsets.iterator().next();
            days = mask(recur.getDayList());
        } else {
            return false;
        }
        if (week == -1) {
            week = 5;
        } else if (week < 1 || week > 4) {
            return false;
        }
        r.put("weekOfMonth", String.valueOf(week));
        r.put("dayOfWeek", String.valueOf(days));
        return true;
    }

    private static int mask(List<WeekDay> days) {
        int mask = 0;
        for (WeekDay d : days) {
            mask |= 1 << DAYS.indexOf(d.getDay());
        }
        return mask;
    }

    private static int bit(java.time.DayOfWeek day) {
        return 1 << (day.getValue() % 7);
    }

    /** UNTIL as an instant: UTC as it is, a local time in the series' zone, a date at the series' time of day. */
    private static Optional<Instant> until(Temporal until, LocalDateTime start, IcalZones.Zone zone) {
        if (until instanceof Instant i) {
            return Optional.of(i);
        } else if (until instanceof OffsetDateTime o) {
            return Optional.of(o.toInstant());
        } else if (until instanceof ZonedDateTime z) {
            return Optional.of(z.toInstant());
        } else if (until instanceof LocalDateTime l) {
            return Optional.of(zone.instant(l));
        } else if (until instanceof LocalDate d) {
            return Optional.of(zone.instant(d.atTime(start.toLocalTime())));
        }
        return Optional.empty();
    }
}
