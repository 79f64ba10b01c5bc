package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MailView.E;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.child;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.options;
import static org.syncbridge.it.MailView.value;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Invitations (iMIP, RFC 6047) that reach a user's Inbox over SMTP go to the user's calendar by the server, once per
 * meeting and SEQUENCE, whichever the phone syncs first: the calendar (the server looks at the Inbox before it
 * answers), the Inbox (the server looks after the Inbox's Sync), or neither (the Inbox watcher of a parked Ping). An
 * update with a higher SEQUENCE changes the appointment, the same or an older one does not, a CANCEL cancels it, an
 * attendee's REPLY reaches the organizer's appointment, and an invitation that cannot be read fails no Sync.
 */
@Tag("mail")
class MeetingInboxIT extends ServerIT {
    static final String CONTEXT = "meeting.test";
    static final String PASSWORD = "Meeting-pw-1";
    static final String CAL = "Calendar:";
    /** invitation-exchange.eml: an Outlook UID (a GlobalObjectId in hex) */
    static final String EXCHANGE_UID = "040000008200E00074C5B7101A82E00800000000B0F5B5A1E049DC01000000000000000010000000C7A4B1E3F2D14B40A1B2C3D4E5F60718";
    static final String NOTES_UID = "8F3A0C1D2E4B5A6985258D7A004D5E6F-Lotus_Notes_Generated";

    @BeforeEach
    void contextExists() {
        usersExist(CONTEXT, "", PASSWORD, "calfirst141", "calfirst161", "inboxfirst141", "inboxfirst161", "updates141", "updates161",
                "series141", "series161", "organizer141", "organizer161", "pushed", "broken");
    }

    static String address(String login) {
        return login + "@" + CONTEXT;
    }

    static EasClient device(String login, String deviceId, String deviceType, String version) {
        return phone(address(login), PASSWORD, deviceId, deviceType, version);
    }

    /** The phone's copy of its calendar, primed (key 1); the same bookkeeping as a mail folder's: no Add twice. */
    static MailView calendar(EasClient phone) {
        return new MailView(phone, SyncIT.collection(phone, "Calendar"), null).start();
    }

    static MailView inbox(EasClient phone) {
        return new MailView(phone, MailView.folder(phone, "Inbox"), options(filterType("0"), bodyPreference(1, 2000L))).start();
    }

    static String cal(Element data, String name) {
        return value(data, CAL, name).orElse(null);
    }

    /** The one appointment the phone holds. */
    static Element only(MailView calendar) {
        assertEquals(1, calendar.items.size(), "appointments on " + calendar.device.deviceId + ": " + calendar.items.keySet());
        return calendar.items.values().iterator().next();
    }

    static List<Element> changes(Element answer) {
        return answer.child(org.syncbridge.web.eas.wbxml.Tag.of(MailView.AS, "Commands")).map(Element::children).orElse(List.of());
    }

    /** A fixture mail as text (the fixtures are ASCII or UTF-8), so a test can make an update of it. */
    static String fixtureText(String name) {
        return new String(TestMail.fixture(name), StandardCharsets.UTF_8);
    }

    /** Delivers a mail written in the test, with CRLF line ends as SMTP wants them. */
    static void deliver(String login, String mail) {
        TestMail.deliver(address(login), mail.replaceAll("(?<!\r)\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A received meeting waiting for the user's answer (MS-ASCAL MeetingStatus 3, BusyStatus 1, ResponseType 5). */
    static void assertTentative(Element appointment) {
        assertEquals("3", cal(appointment, "MeetingStatus"), "a received meeting: " + appointment);
        assertEquals("1", cal(appointment, "BusyStatus"), "tentative until answered");
        assertEquals("5", cal(appointment, "ResponseType"), "not responded (14.0+)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.1", "16.1"})
    void anInvitationIsInTheCalendarOnceWhenThePhoneSyncsTheCalendarFirst(String version) {
        String login = "calfirst" + version.replace(".", "");
        EasClient iphone = device(login, login + "-iphone", "iPhone", version);
        EasClient android = device(login, login + "-android", "Android", version);
        MailView calendarA = calendar(iphone);
        MailView inboxA = inbox(iphone);
        MailView calendarB = calendar(android);
        MailView inboxB = inbox(android);

        TestMail.deliver(address(login), TestMail.fixture("invitation-exchange.eml"));
        calendarA.sync(null); // before any Sync of the Inbox
        Element appointment = only(calendarA);
        assertEquals(EXCHANGE_UID, cal(appointment, "UID"));
        assertEquals("Projektbesprechung Q1", cal(appointment, "Subject"));
        assertEquals("20260115T090000Z", cal(appointment, "StartTime"), "10:00 W. Europe Standard Time");
        assertEquals("20260115T103000Z", cal(appointment, "EndTime"));
        assertEquals("erika.mustermann@example.com", cal(appointment, "OrganizerEmail"));
        assertTentative(appointment);

        inboxA.syncUntilDone(25, 2);
        assertEquals("IPM.Schedule.Meeting.Request", value(inboxA.bySubject("Projektbesprechung Q1"), E, "MessageClass").orElseThrow());
        assertTrue(changes(calendarA.sync(null)).isEmpty(), "the Inbox Sync added nothing more to the calendar");

        inboxB.syncUntilDone(25, 2); // the other device: the Inbox first
        calendarB.sync(null);
        assertEquals(calendarA.items.keySet(), calendarB.items.keySet(), "the same one appointment on both devices");
        assertTentative(only(calendarB));

        // delivered again (a relay's retry: another Message-ID, the same iMIP message): a second mail, not a second appointment
        deliver(login, fixtureText("invitation-exchange.eml").replace("Message-ID: <AM0PR07", "Message-ID: <AM0PR08"));
        assertTrue(changes(calendarA.sync(null)).isEmpty(), "no second appointment, no change");
        inboxB.sync(null);
        assertEquals(2, inboxB.count("Projektbesprechung Q1"), "both mails arrived");
        assertTrue(changes(calendarB.sync(null)).isEmpty());
        assertEquals(1, calendarB.items.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.1", "16.1"})
    void anInvitationIsInTheCalendarOnceWhenThePhoneSyncsTheInboxFirst(String version) {
        String login = "inboxfirst" + version.replace(".", "");
        EasClient iphone = device(login, login + "-iphone", "iPhone", version);
        EasClient android = device(login, login + "-android", "Android", version);
        MailView calendarA = calendar(iphone);
        MailView inboxA = inbox(iphone);
        MailView calendarB = calendar(android);

        TestMail.deliver(address(login), TestMail.fixture("invitation-notes.eml"));
        inboxA.syncUntilDone(25, 2);
        // GetItemEstimate does not look at the Inbox: the Inbox's Sync put the invitation into the calendar
        assertEquals("1", SyncIT.estimate(iphone, calendarA.collectionId, calendarA.key));
        calendarA.sync(null);
        Element appointment = only(calendarA);
        assertEquals(NOTES_UID, cal(appointment, "UID"));
        assertEquals("20260317T130000Z", cal(appointment, "StartTime"), "09:00 in Notes' \"Eastern\" zone, daylight saving time");
        assertTentative(appointment);

        calendarB.sync(null);
        assertEquals(calendarA.items.keySet(), calendarB.items.keySet());
        assertTrue(changes(calendarA.sync(null)).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.1", "16.1"})
    void aHigherSequenceUpdatesTheSameOrAnOlderOneIsIgnoredACancelCancels(String version) {
        String login = "updates" + version.replace(".", "");
        EasClient phone = device(login, login + "-phone", "iPhone", version);
        EasClient tablet = device(login, login + "-tablet", "iPad", version);
        MailView calendar = calendar(phone);
        MailView other = calendar(tablet);
        String request = fixtureText("invitation-notes.eml");

        deliver(login, request);
        calendar.sync(null);
        String serverId = calendar.items.keySet().iterator().next();
        assertEquals("20260317T130000Z", cal(only(calendar), "StartTime"));

        String moved = request.replace("SEQUENCE:0", "SEQUENCE:1").replace("20260317T090000", "20260317T110000")
                .replace("20260317T100000", "20260317T120000").replace("Subject: Invitation:", "Subject: Rescheduled:")
                .replace("Message-ID: <OF8F3A0C1D", "Message-ID: <OF8F3A0C2D");
        deliver(login, moved);
        Element answer = calendar.sync(null);
        assertEquals(1, changes(answer).size(), "one Change: " + answer);
        assertEquals("20260317T150000Z", cal(only(calendar), "StartTime"), "moved to 11:00 EDT");
        assertTentative(only(calendar));

        deliver(login, request.replace("Message-ID: <OF8F3A0C1D", "Message-ID: <OF8F3A0C3D")); // SEQUENCE 0 again, late
        deliver(login, moved.replace("Message-ID: <OF8F3A0C2D", "Message-ID: <OF8F3A0C4D")); // SEQUENCE 1 again
        assertTrue(changes(calendar.sync(null)).isEmpty(), "an older and an equal SEQUENCE change nothing");
        assertEquals("20260317T150000Z", cal(only(calendar), "StartTime"));

        String cancel = moved.replace("METHOD:REQUEST", "METHOD:CANCEL").replace("method=\"REQUEST\"", "method=\"CANCEL\"")
                .replace("SEQUENCE:1", "SEQUENCE:2").replace("X-LOTUS-NOTICETYPE:I", "X-LOTUS-NOTICETYPE:C")
                .replace("Subject: Rescheduled:", "Subject: Cancelled:").replace("Message-ID: <OF8F3A0C2D", "Message-ID: <OF8F3A0C5D");
        deliver(login, cancel);
        calendar.sync(null);
        Element cancelled = only(calendar);
        assertEquals("7", cal(cancelled, "MeetingStatus"), "received and canceled (MS-ASCAL), kept for the user to remove");
        assertEquals("0", cal(cancelled, "BusyStatus"), "free");

        other.sync(null);
        assertEquals(List.of(serverId), List.copyOf(other.items.keySet()), "the other device: one appointment");
        assertEquals("7", cal(only(other), "MeetingStatus"));
        assertEquals("20260317T150000Z", cal(only(other), "StartTime"));
    }

    /** A weekly Google series in Europe/Berlin with one occurrence moved; then one occurrence cancelled, then one moved. */
    static String googleSeries(String method, int sequence, String occurrence) {
        String event = occurrence == null
                ? "DTSTART;TZID=Europe/Berlin:20260302T090000\nDTEND;TZID=Europe/Berlin:20260302T093000\n"
                        + "RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=MO\n"
                : "RECURRENCE-ID;TZID=Europe/Berlin:" + occurrence + "\n" + (method.equals("CANCEL") ? "STATUS:CANCELLED\n" : "")
                        + "DTSTART;TZID=Europe/Berlin:20260317T140000\nDTEND;TZID=Europe/Berlin:20260317T143000\n";
        return "From: Carol Organizer <carol.organizer@gmail.com>\nTo: " + "someone@" + CONTEXT + "\nSubject: Stand-up "
                + method + " " + sequence + (occurrence == null ? "" : " " + occurrence) + "\nDate: Mon, 23 Feb 2026 10:00:00 +0000\n"
                + "Message-ID: <calendar-series-" + method + sequence + occurrence + "@google.com>\nMIME-Version: 1.0\n"
                + "Content-Type: text/calendar; charset=\"UTF-8\"; method=" + method + "\n\n"
                + "BEGIN:VCALENDAR\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\nVERSION:2.0\nCALSCALE:GREGORIAN\nMETHOD:"
                + method + "\nBEGIN:VTIMEZONE\nTZID:Europe/Berlin\nX-LIC-LOCATION:Europe/Berlin\nBEGIN:DAYLIGHT\n"
                + "TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nTZNAME:CEST\nDTSTART:19700329T020000\n"
                + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\nEND:DAYLIGHT\nBEGIN:STANDARD\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\n"
                + "TZNAME:CET\nDTSTART:19701025T030000\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nEND:VTIMEZONE\n"
                + "BEGIN:VEVENT\n" + event + "DTSTAMP:20260223T100000Z\nORGANIZER;CN=Carol Organizer:mailto:carol.organizer@gmail.com\n"
                + "UID:7q1w2e3r4t5y6u7i8o9p0a1s2d@google.com\nATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;"
                + "RSVP=TRUE:mailto:someone@" + CONTEXT + "\nSEQUENCE:" + sequence + "\nSUMMARY:Stand-up\nTRANSP:OPAQUE\n"
                + "END:VEVENT\nEND:VCALENDAR\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.1", "16.1"})
    void aSeriesWithACancelledAndAMovedOccurrenceHasThemAsExceptions(String version) {
        String login = "series" + version.replace(".", "");
        EasClient phone = device(login, login + "-phone", "iPhone", version);
        MailView calendar = calendar(phone);
        deliver(login, googleSeries("REQUEST", 0, null));
        calendar.sync(null);
        Element series = only(calendar);
        assertEquals("20260302T080000Z", cal(series, "StartTime"), "09:00 CET");
        Element recurrence = child(series, CAL, "Recurrence");
        assertEquals("1", value(recurrence, CAL, "Type").orElseThrow(), "weekly");
        assertEquals("2", value(recurrence, CAL, "DayOfWeek").orElseThrow(), "Mondays");
        assertEquals("6", value(recurrence, CAL, "Occurrences").orElseThrow());

        deliver(login, googleSeries("CANCEL", 1, "20260309T090000"));
        deliver(login, googleSeries("REQUEST", 1, "20260316T090000"));
        calendar.sync(null);
        List<Element> exceptions = child(only(calendar), CAL, "Exceptions").children(org.syncbridge.web.eas.wbxml.Tag.of(CAL, "Exception"));
        assertEquals(2, exceptions.size(), "two exceptions: " + exceptions);
        String ns = version.startsWith("16") ? "AirSyncBase:" : CAL;
        String key = version.startsWith("16") ? "InstanceId" : "ExceptionStartTime";
        Element cancelled = exceptions.stream().filter(e -> "20260309T080000Z".equals(value(e, ns, key).orElse(null))).findFirst().orElseThrow();
        assertEquals("1", cal(cancelled, "Deleted"), "the cancelled Monday is gone from the series");
        Element moved = exceptions.stream().filter(e -> "20260316T080000Z".equals(value(e, ns, key).orElse(null))).findFirst().orElseThrow();
        assertEquals("20260317T130000Z", cal(moved, "StartTime"), "moved to Tuesday 14:00 CET");
        assertEquals("5", cal(moved, "ResponseType"), "asked again for the moved occurrence");
        assertEquals("20260302T080000Z", cal(only(calendar), "StartTime"), "the series stays");
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.1", "16.1"})
    void anAttendeesReplyReachesTheOrganizersAppointment(String version) {
        String login = "organizer" + version.replace(".", "");
        EasClient phone = device(login, login + "-phone", "iPhone", version);
        MailView calendar = calendar(phone);
        Element meeting = el(MailView.AS, "ApplicationData",
                text(CAL, "Timezone", org.syncbridge.web.eas.timezone.EasTimeZone.encodeBase64(java.time.ZoneId.of("Europe/Berlin"), 2026)),
                text(CAL, "AllDayEvent", "0"), text(CAL, "StartTime", "20260507T080000Z"), text(CAL, "EndTime", "20260507T090000Z"),
                text(CAL, "Subject", "Budget review"), text(CAL, "UID", "6F9619FF-8B86-D011-B42D-00C04FC964FF"),
                text(CAL, "MeetingStatus", "1"), text(CAL, "OrganizerEmail", address(login)), text(CAL, "BusyStatus", "2"),
                el(CAL, "Attendees", el(CAL, "Attendee", text(CAL, "Email", "ann.example@gmail.com"), text(CAL, "Name", "Ann Example"),
                        text(CAL, "AttendeeType", "1")), el(CAL, "Attendee", text(CAL, "Email", "bob@example.org"),
                        text(CAL, "Name", "Bob"), text(CAL, "AttendeeType", "1"))));
        Element added = calendar.sync(null, el(MailView.AS, "Add", text(MailView.AS, "ClientId", "budget-1"), meeting));
        String serverId = SyncIT.responses(added, "Add").get(0).childText(org.syncbridge.web.eas.wbxml.Tag.of(MailView.AS, "ServerId")).orElseThrow();
        calendar.items.put(serverId, meeting); // the phone holds what it added

        TestMail.deliver(address(login), TestMail.fixture("reply-google.eml"));
        Element answer = calendar.sync(null);
        assertEquals(1, changes(answer).size(), "the organizer's appointment changed: " + answer);
        List<Element> attendees = child(calendar.items.get(serverId), CAL, "Attendees").children(org.syncbridge.web.eas.wbxml.Tag.of(CAL, "Attendee"));
        Element ann = attendees.stream().filter(a -> "ann.example@gmail.com".equals(cal(a, "Email"))).findFirst().orElseThrow();
        assertEquals("3", cal(ann, "AttendeeStatus"), "accepted");
        Element bob = attendees.stream().filter(a -> "bob@example.org".equals(cal(a, "Email"))).findFirst().orElseThrow();
        assertNull(cal(bob, "AttendeeStatus"), "the others as they were");
        assertEquals("1", cal(calendar.items.get(serverId), "MeetingStatus"), "still the organizer's meeting");
        assertEquals(1, calendar.items.size());
    }

    @Test
    void theInboxWatcherOfAParkedPingPutsTheInvitationIntoTheCalendarAndWakesAPingOnTheCalendar() throws Exception {
        EasClient phone = device("pushed", "pushed-phone", "Android", "14.1");
        EasClient tablet = device("pushed", "pushed-tablet", "iPad", "14.1");
        MailView calendar = calendar(phone);
        MailView inbox = inbox(phone);
        inbox.sync(null);
        calendar(tablet);
        String calendarId = calendar.collectionId;
        CompletableFuture<Element> onInbox = PushIT.parked(phone, MailPushIT.mailPing("300", inbox.collectionId)); // the Inbox watcher
        CompletableFuture<Element> onCalendar = PushIT.parked(tablet, el(PushIT.P, "Ping", text(PushIT.P, "HeartbeatInterval", "300"),
                el(PushIT.P, "Folders", el(PushIT.P, "Folder", text(PushIT.P, "Id", calendarId), text(PushIT.P, "Class", "Calendar")))));
        PushIT.letItPark();
        TestMail.deliver(address("pushed"), TestMail.fixture("invitation-google.eml"));
        Element calendarWoken = onCalendar.get(10, TimeUnit.SECONDS);
        assertEquals("2", PushIT.status(calendarWoken));
        assertEquals(List.of(calendarId), PushIT.folders(calendarWoken), "the calendar write's change notice woke the tablet");
        assertEquals("2", PushIT.status(onInbox.get(10, TimeUnit.SECONDS)));
        // neither the Inbox nor the calendar was synced: the watcher applied it
        assertEquals("1", SyncIT.estimate(phone, calendarId, calendar.key));
        calendar.sync(null);
        assertEquals("3k9v2q7m1n4p6r8s0t2u4w6y8a@google.com", cal(only(calendar), "UID"));
    }

    @Test
    void anInvitationThatCannotBeReadFailsNoSyncAndHoldsUpNoOther() {
        EasClient phone = device("broken", "broken-phone", "iPhone", "16.1");
        MailView calendar = calendar(phone);
        MailView inbox = inbox(phone);
        deliver("broken", "From: Someone <someone@example.org>\nTo: broken@" + CONTEXT + "\nSubject: Broken invitation\n"
                + "Date: Mon, 02 Mar 2026 10:00:00 +0000\nMessage-ID: <broken-1@example.org>\nMIME-Version: 1.0\n"
                + "Content-Type: text/calendar; charset=UTF-8; method=REQUEST\n\nBEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
                + "UID:broken-1\nDTSTART:not a time\nSUMMARY:Broken\nEND:VEVENT\nEND:VCALENDAR\n");
        TestMail.deliver(address("broken"), TestMail.fixture("invitation-google.eml"));
        calendar.sync(null);
        assertEquals("Design sync", cal(only(calendar), "Subject"), "the readable one, after the broken one");
        inbox.syncUntilDone(25, 2);
        assertEquals(2, inbox.items.size(), "both mails reach the phone");
        assertTrue(changes(calendar.sync(null)).isEmpty());
    }
}
