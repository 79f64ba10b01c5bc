package org.syncbridge.web.eas.timezone;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * What an EAS time zone can say about a zone in one year: its standard and daylight offsets and the instants
 * daylight saving time starts and ends ({@code null} for a year without DST, whose offsets are then equal).
 * Two zones with equal year rules put every instant of that year at the same wall time, bar what the blob
 * cannot express either: a second DST period in the year (around Ramadan in some zones), a change of standard
 * offset.
 */
record YearRules(ZoneOffset standard, ZoneOffset daylight, Instant daylightStart, Instant standardStart) {

    static YearRules withoutDst(ZoneOffset offset) {
        return new YearRules(offset, offset, null, null);
    }

    /** The rules of {@code zone} in force at the end of {@code year}, from its actual transitions that year. */
    static YearRules of(ZoneId zone, int year) {
        ZoneRules rules = zone.getRules();
        Instant end = LocalDateTime.of(year + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition toDaylight = null;
        ZoneOffsetTransition toStandard = null;
        Instant after = LocalDateTime.of(year, 1, 1, 0, 0).toInstant(ZoneOffset.UTC).minusSeconds(1);
        for (ZoneOffsetTransition t; (t = rules.nextTransition(after)) != null && t.getInstant().isBefore(end); ) {
            after = t.getInstant();
            boolean daylightBefore = rules.isDaylightSavings(after.minusSeconds(1));
            boolean daylightAfter = rules.isDaylightSavings(after);
            if (daylightAfter && !daylightBefore) {
                toDaylight = t;
            } else if (daylightBefore && !daylightAfter) {
                toStandard = t;
            }
        }
        // a year in which DST began or ended for good has one of the two only: its end says what holds on
        if (toDaylight == null || toStandard == null) {
            return withoutDst(rules.getOffset(end.minusSeconds(1)));
        }
        return new YearRules(rules.getStandardOffset(toDaylight.getInstant()), toDaylight.getOffsetAfter(),
                toDaylight.getInstant(), toStandard.getInstant());
    }

    boolean hasDst() {
        return daylightStart != null;
    }

    /** The wall time just before DST starts: the moment's local time in standard time, as Windows writes it. */
    LocalDateTime daylightStartWallTime() {
        return LocalDateTime.ofInstant(daylightStart, standard);
    }

    /** The wall time just before DST ends, in daylight time. */
    LocalDateTime standardStartWallTime() {
        return LocalDateTime.ofInstant(standardStart, daylight);
    }
}
