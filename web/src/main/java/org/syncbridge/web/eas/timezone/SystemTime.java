package org.syncbridge.web.eas.timezone;

import java.nio.ByteBuffer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A SYSTEMTIME (MS-DTYP 2.3.13) as TIME_ZONE_INFORMATION uses it for a DST transition: month 0 means none;
 * year 0 means a recurring day-in-month rule, in which {@code day} is the week of the month (1 to 4, 5 for the
 * last) and {@code dayOfWeek} counts from Sunday = 0; any other year means that one date, {@code day} being the
 * day of the month. The time is the local wall time just before the change.
 */
record SystemTime(int year, int month, int dayOfWeek, int day, int hour, int minute, int second, int milliseconds) {

    static final int LENGTH = 16;
    static final SystemTime NONE = new SystemTime(0, 0, 0, 0, 0, 0, 0, 0);

    /** The recurring rule that names {@code wallTime} in its year; a last weekday of the month is week 5. */
    static SystemTime recurring(LocalDateTime wallTime) {
        LocalDate date = wallTime.toLocalDate();
        int week = date.plusWeeks(1).getMonth() == date.getMonth() ? (date.getDayOfMonth() - 1) / 7 + 1 : 5;
        return new SystemTime(0, date.getMonthValue(), date.getDayOfWeek().getValue() % 7, week,
                wallTime.getHour(), wallTime.getMinute(), 0, 0);
    }

    static SystemTime read(ByteBuffer in) throws MalformedTimeZone {
        SystemTime time = new SystemTime(word(in), word(in), word(in), word(in), word(in), word(in), word(in), word(in));
        if (time.isSet() && !time.isValid()) {
            throw new MalformedTimeZone("not a transition date: " + time);
        }
        return time;
    }

    void write(ByteBuffer out) {
        for (int field : new int[] {year, month, dayOfWeek, day, hour, minute, second, milliseconds}) {
            out.putShort((short) field);
        }
    }

    boolean isSet() {
        return month != 0;
    }

    /** A set date with a year: the year of an unset one is meaningless. */
    boolean isAbsolute() {
        return isSet() && year != 0;
    }

    /**
     * The wall time this names in {@code year} (an absolute date keeps its own), rounded to the minute because
     * Windows writes midnight as 23:59:59.999. With {@code fourthIsLast}, week 4 means the last week: a phone
     * that derived its rule from a year whose fourth Sunday of October was the last one wrote 4.
     */
    LocalDateTime in(int year, boolean fourthIsLast) {
        LocalDate date = isAbsolute()
                ? LocalDate.of(this.year, month, day)
                : LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(
                        day == 5 || day == 4 && fourthIsLast ? -1 : day, DayOfWeek.of(dayOfWeek == 0 ? 7 : dayOfWeek)));
        return date.atTime(hour, minute, second).plus(milliseconds, ChronoUnit.MILLIS)
                .plusSeconds(30).truncatedTo(ChronoUnit.MINUTES);
    }

    private boolean isValid() {
        boolean time = hour < 24 && minute < 60 && second < 60 && milliseconds < 1000;
        if (month > 12 || !time) {
            return false;
        }
        return isAbsolute()
                ? year >= 1601 && year <= 30827 && day >= 1 && YearMonth.of(year, month).isValidDay(day)
                : dayOfWeek <= 6 && day >= 1 && day <= 5;
    }

    private static int word(ByteBuffer in) {
        return Short.toUnsignedInt(in.getShort());
    }
}
