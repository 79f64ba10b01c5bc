package org.syncbridge.web.eas.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * MS-ASCMD's FilterType (2.2.3.68.2) for calendars and mail: how far back appointments and mail reach the device. The window
 * starts at a UTC midnight, so it moves once a day and a repeated request is answered the same way.
 */
final class FilterType {
    private static final Period[] PERIODS = {null, Period.ofDays(1), Period.ofDays(3), Period.ofWeeks(1),
        Period.ofWeeks(2), Period.ofMonths(1), Period.ofMonths(3), Period.ofMonths(6)};

    private FilterType() {
    }

    /** The window's start for a FilterType value; null for 0 (all) and for values without a period. */
    static Instant windowStart(String value) {
        int type;
        try {
            type = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (type <= 0 || type >= PERIODS.length) {
            return null;
        }
        return LocalDate.now(ZoneOffset.UTC).minus(PERIODS[type]).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
