package org.syncbridge.mail.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;
import org.syncbridge.pim.RecurrenceRule;

/** An invitation's RRULE in MS-ASEMAIL's form means the same series: mapped back by the calendar's mapping, it gives the same dates. */
class InvitationRecurrenceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Thursday 12 March 2026, the second Thursday of its month. */
    private static final LocalDateTime START = LocalDateTime.of(2026, 3, 12, 9, 0);

    @Test
    void everyRuleThePhoneCanSayKeepsItsDates() {
        for (String rule : List.of("FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;BYDAY=TU,TH",
                "FREQ=WEEKLY;INTERVAL=2", "FREQ=WEEKLY;BYDAY=MO,FR;WKST=SU;INTERVAL=2", "FREQ=MONTHLY", "FREQ=MONTHLY;BYMONTHDAY=15",
                "FREQ=MONTHLY;BYDAY=2TH", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
                "FREQ=MONTHLY;BYMONTHDAY=-1", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TH;BYSETPOS=2", "FREQ=YEARLY",
                "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=12", "FREQ=WEEKLY;BYDAY=TH;COUNT=5")) {
            Map<String, Object> mapped = MeetingRecurrence.of(rule, START, IcalZones.Zone.of(BERLIN)).orElseThrow(() -> new AssertionError(rule));
            Map<String, Object> stored = new HashMap<>();
            mapped.forEach((k, v) -> stored.put("recurrence." + k, v));
            String back = RecurrenceRule.of(stored).orElseThrow(() -> new AssertionError(rule + " -> " + mapped));
            assertEquals(dates(rule), dates(back), rule + " -> " + mapped + " -> " + back);
        }
    }

    @Test
    void untilIsAnInstant() {
        IcalZones.Zone berlin = IcalZones.Zone.of(BERLIN);
        assertEquals("2026-06-30T21:59:59Z", MeetingRecurrence.of("FREQ=WEEKLY;UNTIL=20260630T215959Z", START, berlin).orElseThrow().get("until"));
        // a date: the last occurrence's start on that day; a local time: in the series' zone
        assertEquals("2026-06-30T07:00:00Z", MeetingRecurrence.of("FREQ=WEEKLY;UNTIL=20260630", START, berlin).orElseThrow().get("until"));
        assertEquals("2026-06-30T08:00:00Z", MeetingRecurrence.of("FREQ=WEEKLY;UNTIL=20260630T100000", START, berlin).orElseThrow().get("until"));
    }

    @Test
    void whatThePhoneCannotSayIsNoRecurrence() {
        for (String rule : List.of("FREQ=HOURLY;INTERVAL=4", "FREQ=MONTHLY;BYMONTHDAY=1,15", "FREQ=YEARLY;BYYEARDAY=100",
                "FREQ=YEARLY;BYWEEKNO=20", "FREQ=MONTHLY;BYDAY=3MO;BYSETPOS=1", "FREQ=MONTHLY;BYDAY=1MO,3WE", "FREQ=MONTHLY;BYDAY=-2FR",
                "FREQ=YEARLY;BYMONTH=1,7", "FREQ=MONTHLY;BYDAY=1MO,1WE", "FREQ=DAILY;BYMONTHDAY=1", "FREQ=WEEKLY;BYMONTH=3",
                "FREQ=MONTHLY;BYMONTH=3", "FREQ=DAILY;BYHOUR=9,17", "not a rule", "")) {
            assertTrue(MeetingRecurrence.of(rule, START, IcalZones.Zone.of(BERLIN)).isEmpty(), rule);
        }
    }

    private static List<ZonedDateTime> dates(String rule) {
        ZonedDateTime seed = START.atZone(BERLIN);
        return new Recur<ZonedDateTime>(rule).getDates(seed, seed, seed.plusYears(4), 24);
    }
}
