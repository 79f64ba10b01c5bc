package org.syncbridge.mail.meeting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * The VTIMEZONE (RFC 5545 3.6.5) of a zone, written from the JDK's rules, so that a receiver that does not know the
 * IANA name (Outlook knows only Windows names) still places the meeting right: the zone's yearly daylight-saving
 * rules as STANDARD and DAYLIGHT with RRULEs, or one STANDARD with the offset of the meeting's time for a zone without
 * such rules.
 */
final class ZoneDefinition {
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private ZoneDefinition() {
    }

    /** The zone's definition as it applies at {@code at}. */
    static VTimeZone of(ZoneId zone, Instant at) {
        ZoneRules rules = zone.getRules();
        List<Observance> observances = new ArrayList<>();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.size() == 2) {
            int year = at.atZone(zone).getYear() - 1;
            for (ZoneOffsetTransitionRule rule : yearly) {
                ZoneOffsetTransition t = rule.createTransition(year);
                Observance o = t.getOffsetAfter().getTotalSeconds() > t.getOffsetBefore().getTotalSeconds() ? new Daylight() : new Standard();
                observance(o, t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter());
                o.add(new RRule<>(yearlyRule(rule)));
                observances.add(o);
            }
        } else {
            ZoneOffset offset = rules.getOffset(at);
            Standard standard = new Standard();
            observance(standard, LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset);
            observances.add(standard);
        }
        VTimeZone definition = new VTimeZone();
        definition.add(new TzId(zone.getId()));
        observances.forEach(definition::add);
        return definition;
    }

    private static void observance(Observance o, LocalDateTime start, ZoneOffset from, ZoneOffset to) {
        o.add(new TzName(to.getId().equals("Z") ? "UTC" : to.getId()));
        o.add(new DtStart<>(start));
        o.add(new TzOffsetFrom(from));
        o.add(new TzOffsetTo(to));
    }

    /** The yearly rule: "the n-th (or last) weekday of the month", else "the weekday on or after a day". */
    static String yearlyRule(ZoneOffsetTransitionRule rule) {
        Month month = rule.getMonth();
        DayOfWeek day = rule.getDayOfWeek();
        int indicator = rule.getDayOfMonthIndicator();
        String byMonth = "FREQ=YEARLY;BYMONTH=" + month.getValue();
        if (day == null) {
            return byMonth + ";BYMONTHDAY=" + indicator;
        }
        String weekday = DAYS[day.getValue() - 1];
        if (indicator > 0 && (indicator - 1) % 7 == 0 && indicator <= 22) {
            return byMonth + ";BYDAY=" + ((indicator - 1) / 7 + 1) + weekday;
        }
        if (indicator == -1 || indicator > 0 && month.minLength() == month.maxLength() && indicator + 6 == month.maxLength()) {
            return byMonth + ";BYDAY=-1" + weekday;
        }
        List<String> days = new ArrayList<>(); // the weekday within seven days from the indicator
        for (int i = 0; i < 7; i++) {
            days.add(String.valueOf(indicator > 0 ? indicator + i : indicator - i));
        }
        return byMonth + ";BYDAY=" + weekday + ";BYMONTHDAY=" + String.join(",", days);
    }
}
