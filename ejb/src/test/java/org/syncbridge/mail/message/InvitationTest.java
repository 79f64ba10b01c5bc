package org.syncbridge.mail.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvitationTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final String EXCHANGE_UID = "040000008200E00074C5B7101A82E00800000000E040C9C12685C4010000000000000000100000000BF0ED4B6E4EE94E9E39E3867B378EF3";
    private static final String MR = "meetingRequest.";

    @Test
    void exchangeRequestWithWindowsZoneAndOutlookProperties() {
        Invitation i = parse("exchange-request.ics", ZoneId.of("UTC"));
        assertEquals("REQUEST", i.method());
        assertEquals(EXCHANGE_UID, i.uid());
        assertEquals(Instant.parse("2025-07-10T08:00:00Z"), i.start()); // 10:00 in Berlin in summer
        assertEquals(Instant.parse("2025-07-10T09:30:00Z"), i.end());
        assertEquals(BERLIN, i.zone());
        assertEquals("Quarterly planning", i.summary());
        assertEquals("Room 4.12, Building A", i.location());
        assertEquals("john.doe@example.com", i.organizer());
        assertEquals("Doe, John", i.organizerName());
        assertEquals(List.of(new Invitation.Attendee("ann@example.com", "Ann Example", "REQ-PARTICIPANT", "NEEDS-ACTION", true),
                new Invitation.Attendee("bob@example.com", "Bob Sample", "OPT-PARTICIPANT", "NEEDS-ACTION", true)), i.attendees());
        assertEquals("IPM.Schedule.Meeting.Request", i.messageClass());
        assertNull(i.replyPartStat());

        Map<String, Object> m = i.meetingRequestProperties();
        assertEquals(Map.ofEntries(
                Map.entry(MR + "allDayEvent", "0"),
                Map.entry(MR + "startTime", "2025-07-10T08:00:00Z"),
                Map.entry(MR + "endTime", "2025-07-10T09:30:00Z"),
                Map.entry(MR + "timeZone", "Europe/Berlin"),
                Map.entry(MR + "dtStamp", "2025-07-01T08:15:02Z"),
                Map.entry(MR + "location", "Room 4.12, Building A"),
                Map.entry(MR + "organizer", "john.doe@example.com"),
                Map.entry(MR + "globalObjId", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(EXCHANGE_UID))),
                Map.entry(MR + "instanceType", "0"),
                Map.entry(MR + "reminder", "900"),
                Map.entry(MR + "responseRequested", "1"),
                Map.entry(MR + "sensitivity", "0"),
                // BUSYSTATUS says TENTATIVE (until answered), INTENDEDSTATUS what accepting makes it
                Map.entry(MR + "busyStatus", "2"),
                Map.entry(MR + "meetingMessageType", "1"),
                Map.entry(MR + "disallowNewTimeProposal", "0"),
                Map.entry(MR + "uid", EXCHANGE_UID)), m);
    }

    @Test
    void oneOccurrenceOfAnExchangeSeriesCarriesItsDateInTheGlobalObjId() {
        Invitation i = parse("exchange-occurrence.ics", ZoneId.of("UTC"));
        Map<String, Object> m = i.meetingRequestProperties();
        // MS-ASEMAIL 4.3 example 1: this UID with the instance date 2004-09-16
        assertEquals("BAAAAIIA4AB0xbcQGoLgCAfUCRDgQMnBJoXEAQAAAAAAAAAAEAAAAAvw7UtuTulOnjnjhns3jvM=", m.get(MR + "globalObjId"));
        assertEquals(Instant.parse("2004-09-16T08:00:00Z"), i.recurrenceId());
        assertEquals("2004-09-16T08:00:00Z", m.get(MR + "recurrenceId"));
        assertEquals("3", m.get(MR + "instanceType"));
        assertEquals("2004-09-16T09:00:00Z", m.get(MR + "startTime"));
        assertEquals("2", m.get(MR + "meetingMessageType")); // SEQUENCE 1: an update
    }

    @Test
    void windowsZoneNameWinsOverAnOutdatedVtimezone() {
        // Outlook 2003's VTIMEZONE still starts summer time in April; New York has been on EDT since 8 March 2026
        Invitation i = parse("outlook-eastern-stale.ics", BERLIN);
        assertEquals(Instant.parse("2026-03-20T14:00:00Z"), i.start());
        assertEquals(NEW_YORK, i.zone());
        assertEquals("mike.smith@example.org", i.organizer()); // "MAILTO:" in capitals
        Map<String, Object> m = i.meetingRequestProperties();
        assertEquals("2", m.get(MR + "sensitivity"));
        assertEquals("1", m.get(MR + "disallowNewTimeProposal"));
        assertEquals("2", m.get(MR + "meetingMessageType"));
        assertEquals("2", m.get(MR + "busyStatus"));
        assertFalse(m.containsKey(MR + "reminder"));
        assertEquals(new Invitation.Attendee("ann@example.com", null, "REQ-PARTICIPANT", null, true), i.attendees().get(0));
    }

    @Test
    void indiaStandardTimeWithAnOutlookWeekdayRule() {
        Invitation i = parse("outlook-india.ics", BERLIN);
        assertEquals(Instant.parse("2025-07-10T09:30:00Z"), i.start()); // 15:00 in Kolkata, UTC+5:30
        assertEquals(ZoneId.of("Asia/Kolkata"), i.zone());
        Map<String, Object> m = i.meetingRequestProperties();
        assertEquals("1", m.get(MR + "instanceType"));
        assertEquals("300", m.get(MR + "reminder"));
        assertEquals(List.of(Map.of("type", "1", "dayOfWeek", "62", "interval", "1", "occurrences", "10", "firstDayOfWeek", "0")),
                m.get(MR + "recurrences"));
    }

    @Test
    void windowsZoneNameIsReadWithoutItsVtimezone() {
        String text = fixture("outlook-india.ics").replaceAll("(?s)BEGIN:VTIMEZONE.*END:VTIMEZONE\r\n", "");
        assertFalse(text.contains("VTIMEZONE"));
        Invitation i = Invitation.parse(text, BERLIN).orElseThrow();
        assertEquals(Instant.parse("2025-07-10T09:30:00Z"), i.start());
        assertEquals(ZoneId.of("Asia/Kolkata"), i.zone());
    }

    @Test
    void outlookDisplayNameAsTzidIsReadThroughItsVtimezone() {
        String text = fixture("exchange-request.ics")
                .replace("TZID:W. Europe Standard Time", "TZID:(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")
                .replace("TZID=W. Europe Standard Time", "TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\"")
                .replace("20250710T", "20250115T");
        Invitation i = Invitation.parse(text, NEW_YORK).orElseThrow();
        assertEquals(Instant.parse("2025-01-15T09:00:00Z"), i.start()); // 10:00 in Berlin in winter
        assertEquals(BERLIN, i.zone());
    }

    @Test
    void lotusNotesWeeklySeriesInItsOwnZone() {
        Invitation i = parse("lotus-weekly.ics", NEW_YORK);
        assertEquals(Instant.parse("2026-01-13T08:00:00Z"), i.start()); // 09:00 Central Europe in winter
        assertEquals(Instant.parse("2026-01-13T09:00:00Z"), i.end());
        // not a name CLDR knows: the zone of its VTIMEZONE's offsets, and of the Windows zone its name abbreviates
        assertEquals(ZoneId.of("Europe/Budapest"), i.zone());
        assertEquals("FREQ=WEEKLY;UNTIL=20260331T070000Z;BYDAY=TU,TH", i.rrule());
        assertEquals("Hans Muster/Example/DE", i.organizerName());
        assertEquals(new Invitation.Attendee("hans.muster@example.de", "Hans Muster/Example/DE", "CHAIR", "ACCEPTED", false),
                i.attendees().get(0));
        Map<String, Object> m = i.meetingRequestProperties();
        assertEquals("1", m.get(MR + "responseRequested")); // the chair needs no answer, Ann does
        assertEquals("1", m.get(MR + "instanceType"));
        assertEquals(List.of(Map.of("type", "1", "dayOfWeek", "20", "interval", "1", "until", "2026-03-31T07:00:00Z",
                "firstDayOfWeek", "1")), m.get(MR + "recurrences"));
        byte[] id = Base64.getDecoder().decode((String) m.get(MR + "globalObjId"));
        assertEquals("C1257E2F003D7A4BC1257E2F003D7A4C-Lotus_Notes_Generated", GlobalObjectId.uid(id).orElseThrow());

        Invitation summer = Invitation.parse(fixture("lotus-weekly.ics").replace("20260113T", "20260714T"), NEW_YORK).orElseThrow();
        assertEquals(Instant.parse("2026-07-14T07:00:00Z"), summer.start());
    }

    @Test
    void googleMonthlyInvitationAcrossTheDaylightSavingChange() {
        Invitation i = parse("google-request.ics", BERLIN);
        assertEquals(Instant.parse("2026-03-12T13:00:00Z"), i.start()); // 09:00 EDT, four days after the change
        assertEquals(Instant.parse("2026-03-12T13:30:00Z"), i.end());
        assertEquals(NEW_YORK, i.zone());
        assertNull(i.location()); // "LOCATION:" empty
        assertEquals(Boolean.TRUE, i.attendees().get(1).rsvp()); // folded inside "RSVP=TRUE"
        Map<String, Object> m = i.meetingRequestProperties();
        assertEquals("2026-03-02T15:45:12Z", m.get(MR + "dtStamp"));
        assertEquals("1800", m.get(MR + "reminder"));
        assertEquals("1", m.get(MR + "responseRequested"));
        assertFalse(m.containsKey(MR + "location"));
        assertEquals(List.of(Map.of("type", "3", "weekOfMonth", "2", "dayOfWeek", "16", "interval", "1", "firstDayOfWeek", "1")),
                m.get(MR + "recurrences"));
        assertEquals(Base64.getEncoder().encodeToString(GlobalObjectId.of("5q8a0l3d2tq6v1s9m4k7h2n0bc@google.com", null)),
                m.get(MR + "globalObjId"));

        Invitation january = Invitation.parse(fixture("google-request.ics").replace("20260312T", "20260108T"), BERLIN).orElseThrow();
        assertEquals(Instant.parse("2026-01-08T14:00:00Z"), january.start()); // 09:00 EST
    }

    @Test
    void floatingTimesAreReadInTheDefaultZone() {
        assertEquals(Instant.parse("2025-07-10T08:00:00Z"), parse("floating.ics", BERLIN).start());
        assertEquals(Instant.parse("2025-07-10T08:45:00Z"), parse("floating.ics", BERLIN).end());
        assertEquals(BERLIN, parse("floating.ics", BERLIN).zone());
        assertEquals(Instant.parse("2025-07-10T14:00:00Z"), parse("floating.ics", NEW_YORK).start());
        String january = fixture("floating.ics").replace("20250710T", "20250115T");
        assertEquals(Instant.parse("2025-01-15T09:00:00Z"), Invitation.parse(january, BERLIN).orElseThrow().start());
        // the only attendee said RSVP=FALSE
        assertEquals("0", parse("floating.ics", BERLIN).meetingRequestProperties().get(MR + "responseRequested"));
    }

    @Test
    void allDayEventRunsFromMidnightToMidnightInTheDefaultZone() {
        Invitation i = parse("allday.ics", BERLIN);
        assertTrue(i.allDay());
        assertEquals(Instant.parse("2025-12-23T23:00:00Z"), i.start());
        assertEquals(Instant.parse("2025-12-26T23:00:00Z"), i.end());
        Map<String, Object> m = i.meetingRequestProperties();
        assertEquals("1", m.get(MR + "allDayEvent"));
        assertEquals("Europe/Berlin", m.get(MR + "timeZone"));
        assertEquals("0", m.get(MR + "busyStatus"));
        assertEquals("64800", m.get(MR + "reminder"));

        String withoutEnd = fixture("allday.ics").replace("DTEND;VALUE=DATE:20251227\r\n", "");
        assertEquals(Instant.parse("2025-12-24T23:00:00Z"), Invitation.parse(withoutEnd, BERLIN).orElseThrow().end());
    }

    @Test
    void cancellation() {
        Invitation i = parse("exchange-cancel.ics", BERLIN);
        assertEquals("CANCEL", i.method());
        assertEquals(1, i.sequence());
        assertEquals("IPM.Schedule.Meeting.Canceled", i.messageClass());
        Map<String, Object> m = i.meetingRequestProperties();
        assertEquals("0", m.get(MR + "meetingMessageType"));
        assertEquals("0", m.get(MR + "busyStatus"));
        assertEquals("0", m.get(MR + "responseRequested"));
        // the same meeting as the request, so the phone finds what to cancel
        assertEquals(parse("exchange-request.ics", BERLIN).meetingRequestProperties().get(MR + "globalObjId"), m.get(MR + "globalObjId"));
    }

    @Test
    void replyIsClassedByTheAttendeesAnswer() {
        Invitation accepted = parse("google-reply.ics", BERLIN);
        assertEquals("REPLY", accepted.method());
        assertEquals("ACCEPTED", accepted.replyPartStat());
        assertEquals("IPM.Schedule.Meeting.Resp.Pos", accepted.messageClass());
        assertEquals(ZoneId.of("UTC"), accepted.zone());
        assertEquals("0", accepted.meetingRequestProperties().get(MR + "responseRequested"));
        assertEquals("0", accepted.meetingRequestProperties().get(MR + "meetingMessageType"));
        String text = fixture("google-reply.ics");
        assertEquals("IPM.Schedule.Meeting.Resp.Neg",
                Invitation.parse(text.replace("PARTSTAT=ACCEPTED", "PARTSTAT=DECLINED"), BERLIN).orElseThrow().messageClass());
        assertEquals("IPM.Schedule.Meeting.Resp.Tent",
                Invitation.parse(text.replace("PARTSTAT=ACCEPTED", "PARTSTAT=TENTATIVE"), BERLIN).orElseThrow().messageClass());
    }

    @Test
    void readGivesTheMailPropertiesOrNone() {
        Map<String, Object> properties = Invitation.read(fixture("exchange-request.ics"));
        assertEquals("IPM.Schedule.Meeting.Request", properties.get(EmailProperties.MESSAGE_CLASS));
        assertEquals("urn:content-classes:calendarmessage", properties.get(EmailProperties.CONTENT_CLASS));
        assertEquals("2025-07-10T08:00:00Z", properties.get(MR + "startTime"));
        assertEquals(Map.of(), Invitation.read("not a calendar"));
    }

    @Test
    void sloppyTextIsStillRead() {
        String text = fixture("exchange-request.ics")
                .replace("\r\n ", "\n\t") // folded with tabs
                .replace("\r\n", "\n") // bare line feeds
                .replace("SUMMARY;LANGUAGE=en-US:Quarterly planning\n", "SUMMARY;LANGUAGE=en-US:Quarterly\nplanning\n\n")
                .replace("CLASS:PUBLIC\n", "CLASS:PUBLIC\n--- forwarded by a list server ---\n");
        Invitation i = Invitation.parse("\uFEFFContent-Type: text/calendar; method=REQUEST\n\n" + text + "\n-- \nAnn: sent from my phone\n",
                NEW_YORK).orElseThrow();
        assertEquals(Instant.parse("2025-07-10T08:00:00Z"), i.start());
        assertEquals("Quarterly\nplanning", i.summary());
        assertEquals(EXCHANGE_UID, i.uid());
        assertEquals("ann@example.com", i.attendees().get(0).address());
    }

    @Test
    void whatIsNoInvitationGivesNothing() {
        String request = fixture("exchange-request.ics");
        for (String text : new String[] {null, "", "   ", "hello", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
                "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
                request.replace("METHOD:REQUEST", "METHOD:PUBLISH"),
                request.replace("METHOD:REQUEST\r\n", ""),
                request.replaceAll("DTSTART;TZID=W. Europe Standard Time:20250710T100000\r\n", ""),
                request.replace("20250710T100000", "2025-07-10 10:00"),
                request.replaceAll("UID:[^\r]*\r\n [^\r]*\r\n", ""),
                request.replace("END:VEVENT", ""),
                request.substring(0, request.length() / 2),
                new String(new byte[] {0, 1, 2, (byte) 0xFF, 'B', 'E', 'G'}, StandardCharsets.ISO_8859_1)}) {
            assertTrue(Invitation.parse(text, BERLIN).isEmpty(), () -> "read: " + text);
        }
    }

    @Test
    void noCutOfAnyFixtureThrows() {
        for (String name : List.of("exchange-request.ics", "exchange-occurrence.ics", "outlook-eastern-stale.ics", "outlook-india.ics",
                "lotus-weekly.ics", "google-request.ics", "floating.ics", "allday.ics", "exchange-cancel.ics", "google-reply.ics")) {
            String text = fixture(name);
            for (int end = 0; end < text.length(); end += 7) {
                String cut = text.substring(0, end) + text.substring(Math.min(text.length(), end + 11));
                Invitation.parse(cut, BERLIN).ifPresent(Invitation::meetingRequestProperties);
                Invitation.parse(text.substring(0, end), BERLIN).ifPresent(Invitation::meetingRequestProperties);
            }
        }
    }

    @Test
    void globalObjIdFollowsMsAsemailsExamples() {
        // MS-ASEMAIL 4.3 example 2: a UID that is not Exchange's, in the vCal-Uid form
        String vCal = "BAAAAIIA4AB0xbcQGoLgCAAAAAAAAAAAAAAAAAAAAAAAAAAAMwAAAHZDYWwtVWlkAQAAAHs4MTQxMkQzQy0yQTI0LTRFOUQtQjIwRS0xMUY3QkJFOTI3OTl9AA==";
        assertEquals(vCal, Base64.getEncoder().encodeToString(GlobalObjectId.of("{81412D3C-2A24-4E9D-B20E-11F7BBE92799}", null)));
        assertEquals("{81412D3C-2A24-4E9D-B20E-11F7BBE92799}", GlobalObjectId.uid(Base64.getDecoder().decode(vCal)).orElseThrow());
        // example 1: an Outlook id; its UID has the instance date zeroed
        String outlook = "BAAAAIIA4AB0xbcQGoLgCAfUCRDgQMnBJoXEAQAAAAAAAAAAEAAAAAvw7UtuTulOnjnjhns3jvM=";
        assertEquals(EXCHANGE_UID, GlobalObjectId.uid(Base64.getDecoder().decode(outlook)).orElseThrow());
        assertEquals(outlook, Base64.getEncoder().encodeToString(GlobalObjectId.of(EXCHANGE_UID, LocalDate.of(2004, 9, 16))));
        assertArrayEquals(HexFormat.of().parseHex(EXCHANGE_UID), GlobalObjectId.of(EXCHANGE_UID.toLowerCase(), null));
        // hex that is not a whole id is an ordinary UID
        String cut = EXCHANGE_UID.substring(0, EXCHANGE_UID.length() - 2);
        assertEquals(cut, GlobalObjectId.uid(GlobalObjectId.of(cut, null)).orElseThrow());
        assertTrue(GlobalObjectId.uid(new byte[] {4, 0, 0, 0}).isEmpty());
        assertTrue(GlobalObjectId.uid(new byte[56]).isEmpty());
    }

    @Test
    void zoneNamesAreMappedToIanaZones() {
        assertEquals(BERLIN, IcalZones.windows("W. Europe Standard Time").orElseThrow());
        assertEquals(NEW_YORK, IcalZones.windows("Eastern Standard Time").orElseThrow());
        assertEquals(ZoneId.of("Asia/Kolkata"), IcalZones.windows("India Standard Time").orElseThrow());
        assertTrue(IcalZones.windows("Central Europe").isEmpty());
        assertEquals(BERLIN, IcalZones.iana("/mozilla.org/20070129_1/Europe/Berlin").orElseThrow());
        assertEquals(NEW_YORK, IcalZones.iana("America/New_York").orElseThrow());
        assertTrue(IcalZones.iana("Eastern Standard Time").isEmpty());
        assertTrue(IcalZones.iana("UTC+01:00").isEmpty());
    }

    private static Invitation parse(String name, ZoneId defaultZone) {
        return Invitation.parse(fixture(name), defaultZone).orElseThrow(() -> new AssertionError(name + " was not read"));
    }

    static String fixture(String name) {
        try (InputStream in = InvitationTest.class.getResourceAsStream("/imip/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("fixture " + name, e);
        }
    }
}
