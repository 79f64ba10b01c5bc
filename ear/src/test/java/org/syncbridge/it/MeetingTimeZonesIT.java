package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.syncbridge.it.MailView.E;
import static org.syncbridge.it.MailView.child;
import static org.syncbridge.it.MailView.value;
import static org.syncbridge.it.MeetingInboxIT.cal;
import static org.syncbridge.it.MeetingInboxIT.calendar;
import static org.syncbridge.it.MeetingInboxIT.inbox;
import static org.syncbridge.it.MeetingInboxIT.only;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.syncbridge.web.eas.timezone.EasTimeZone;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Invitations from Exchange (a Windows TZID with its VTIMEZONE), Lotus Notes (its own TZID "Eastern" with a 1950
 * VTIMEZONE) and Google (UTC times; an all-day event as dates), and a booking system's floating times, delivered over
 * SMTP: the Email's MeetingRequest and the calendar's appointment say the same instants, so phones whose calendars
 * run in Europe/Berlin, America/New_York and Asia/Kolkata each show the meeting at its right local time. EAS carries
 * a UTC start and a Timezone structure; the instants are checked, and the structure is checked to be the zone the
 * organizer's wall time is written in. The dates (March 2026) fall between the US and the European daylight saving
 * changes, where a zone mapped by its name alone would be an hour off.
 */
@Tag("mail")
class MeetingTimeZonesIT extends ServerIT {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

    static final String CONTEXT = "meetingzones.test";

    @BeforeEach
    void contextExists() {
        usersExist(CONTEXT, "", MeetingInboxIT.PASSWORD, "tzexchange141", "tzexchange161", "tznotes141", "tznotes161",
                "tzgoogle141", "tzgoogle161", "tzallday141", "tzallday161", "tzfloating141", "tzfloating161");
    }

    /** The phone's MeetingRequest of its one mail and its one appointment, after an Inbox and a calendar Sync. */
    record Seen(Element meetingRequest, Element appointment) {
    }

    /** The fixtures' invitee@meeting.test becomes the user (in the parts that are not base64: the attendee is the user). */
    static Seen delivered(String user, String fixture, String version) {
        String login = user + version.replace(".", "");
        EasClient phone = phone(login + "@" + CONTEXT, MeetingInboxIT.PASSWORD, login + "-phone", "iPhone", version);
        MailView inbox = inbox(phone);
        MailView calendar = calendar(phone);
        String text = MeetingInboxIT.fixtureText(fixture).replace("invitee@meeting.test", login + "@" + CONTEXT);
        TestMail.deliver(login + "@" + CONTEXT, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        inbox.syncUntilDone(25, 2);
        assertEquals(1, inbox.items.size());
        Element mail = inbox.items.values().iterator().next();
        assertEquals("IPM.Schedule.Meeting.Request", value(mail, E, "MessageClass").orElseThrow());
        calendar.sync(null);
        return new Seen(child(mail, E, "MeetingRequest"), only(calendar));
    }

    /** The Email's instants come as "2026-01-15T09:00:00.000Z". */
    static Instant emailTime(Element request, String name) {
        return Instant.parse(value(request, E, name).orElseThrow());
    }

    static Instant calendarTime(Element appointment, String name) {
        return COMPACT.parse(cal(appointment, name), Instant::from);
    }

    static ZoneId zone(String blob, Instant at) {
        return EasTimeZone.decodeBase64(blob, at.atZone(java.time.ZoneOffset.UTC).getYear()).orElseThrow(() -> new AssertionError("no zone: " + blob));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        // user, fixture, version, start (UTC), end (UTC), the organizer's wall time, Berlin, New York, Kolkata
        "tzexchange, invitation-exchange.eml, 14.1, 2026-01-15T09:00:00Z, 2026-01-15T10:30:00Z, 10:00, 10:00, 04:00, 14:30",
        "tzexchange, invitation-exchange.eml, 16.1, 2026-01-15T09:00:00Z, 2026-01-15T10:30:00Z, 10:00, 10:00, 04:00, 14:30",
        "tznotes, invitation-notes.eml, 14.1, 2026-03-17T13:00:00Z, 2026-03-17T14:00:00Z, 09:00, 14:00, 09:00, 18:30",
        "tznotes, invitation-notes.eml, 16.1, 2026-03-17T13:00:00Z, 2026-03-17T14:00:00Z, 09:00, 14:00, 09:00, 18:30",
        "tzgoogle, invitation-google.eml, 14.1, 2026-03-26T15:00:00Z, 2026-03-26T16:00:00Z, 15:00, 16:00, 11:00, 20:30",
        "tzgoogle, invitation-google.eml, 16.1, 2026-03-26T15:00:00Z, 2026-03-26T16:00:00Z, 15:00, 16:00, 11:00, 20:30"})
    void theMeetingRequestAndTheAppointmentAreAtTheRightTimeEverywhere(String user, String fixture, String version, String start,
                                                                     String end, String wall, String berlin, String newYork, String kolkata) {
        Seen seen = delivered(user, fixture, version);
        Instant from = Instant.parse(start);
        Instant to = Instant.parse(end);

        assertEquals(from, emailTime(seen.meetingRequest(), "StartTime"), "MeetingRequest StartTime");
        assertEquals(to, emailTime(seen.meetingRequest(), "EndTime"));
        assertEquals(from, calendarTime(seen.appointment(), "StartTime"), "the appointment's StartTime");
        assertEquals(to, calendarTime(seen.appointment(), "EndTime"));
        assertEquals("0", value(seen.meetingRequest(), E, "AllDayEvent").orElse("0"));
        assertEquals("0", cal(seen.appointment(), "AllDayEvent"));

        ZoneId requestZone = zone(value(seen.meetingRequest(), E, "TimeZone").orElseThrow(), from);
        ZoneId appointmentZone = zone(cal(seen.appointment(), "Timezone"), from);
        assertEquals(wall, from.atZone(requestZone).toLocalTime().toString(), "the organizer's wall time in the MeetingRequest's zone");
        assertEquals(wall, from.atZone(appointmentZone).toLocalTime().toString(), "the organizer's wall time in the appointment's zone");

        Map<ZoneId, String> phones = Map.of(BERLIN, berlin, NEW_YORK, newYork, KOLKATA, kolkata);
        phones.forEach((phoneZone, local) -> assertEquals(local, from.atZone(phoneZone).toLocalTime().toString(), "a phone in " + phoneZone));
    }

    /** Google's all-day event (DTSTART;VALUE=DATE): 2 and 3 April, midnight to midnight in the zone the item names. */
    @ParameterizedTest
    @CsvSource({"14.1", "16.1"})
    void anAllDayEventKeepsItsDates(String version) {
        Seen seen = delivered("tzallday", "invitation-google-allday.eml", version);
        assertEquals("1", value(seen.meetingRequest(), E, "AllDayEvent").orElseThrow());
        assertEquals("1", cal(seen.appointment(), "AllDayEvent"));
        assertEquals("0", cal(seen.appointment(), "BusyStatus"), "TRANSP:TRANSPARENT stays free");

        Instant requestStart = emailTime(seen.meetingRequest(), "StartTime");
        ZoneId requestZone = zone(value(seen.meetingRequest(), E, "TimeZone").orElseThrow(), requestStart);
        assertEquals(LocalDateTime.parse("2026-04-02T00:00"), requestStart.atZone(requestZone).toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-04-04T00:00"), emailTime(seen.meetingRequest(), "EndTime").atZone(requestZone).toLocalDateTime());

        Instant start = calendarTime(seen.appointment(), "StartTime");
        ZoneId zone = zone(cal(seen.appointment(), "Timezone"), start);
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = calendarTime(seen.appointment(), "EndTime").atZone(zone);
        assertEquals(LocalDateTime.parse("2026-04-02T00:00"), from.toLocalDateTime(), "from midnight of 2 April");
        assertEquals(LocalDateTime.parse("2026-04-04T00:00"), to.toLocalDateTime(), "to midnight after 3 April");
        assertEquals(requestStart, start, "the mail and the calendar agree");
    }

    /**
     * A booking system's floating time (no zone, no Z): EAS has no floating times, so the server reads it in its own
     * zone; the phone gets that zone with it, and the wall time written is the wall time in it, for every phone.
     */
    @ParameterizedTest
    @CsvSource({"14.1", "16.1"})
    void aFloatingTimeIsItsWallTimeInTheZoneTheItemNames(String version) {
        Seen seen = delivered("tzfloating", "invitation-floating.eml", version);
        Instant start = calendarTime(seen.appointment(), "StartTime");
        ZoneId zone = zone(cal(seen.appointment(), "Timezone"), start);
        assertEquals(LocalDateTime.parse("2026-04-15T10:00"), start.atZone(zone).toLocalDateTime());
        assertEquals(LocalDateTime.parse("2026-04-15T10:45"), calendarTime(seen.appointment(), "EndTime").atZone(zone).toLocalDateTime());
        assertEquals(start, emailTime(seen.meetingRequest(), "StartTime"), "the mail and the calendar agree");
        assertEquals("3", cal(seen.appointment(), "ResponseType"), "the booking comes accepted (PARTSTAT=ACCEPTED, RSVP=FALSE)");
        assertEquals("2", cal(seen.appointment(), "BusyStatus"));
    }
}
