package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MeetingInboxIT.cal;
import static org.syncbridge.it.MeetingInboxIT.changes;
import static org.syncbridge.it.MeetingInboxIT.only;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * MeetingResponse (MS-ASCMD 2.2.1.11) on invitations that arrived over SMTP: the answer lands on the one appointment
 * of the meeting, on the server and on every device of the user, whether the phone synced its calendar before it
 * answered or not; the request mail moves to Deleted Items; at 16.1 with SendResponse the organizer receives one
 * REPLY, up to 14.1 (the phone sends it) and without SendResponse none. Bad requests get Status 2, never a 500.
 */
@Tag("mail")
class MeetingResponseIT extends ServerIT {
    static final String CONTEXT = "meetresp.test";
    static final String PASSWORD = "Meet-resp-pw-1";
    static final String MR = "MeetingResponse:";
    static final String SUBJECT = "Quarterly vendor review";
    static final String MAIL_SUBJECT = "Invitation: Quarterly vendor review (Mar 17 09:00 AM EDT in Conference Room B)";

    @BeforeEach
    void contextExists() {
        usersExist(CONTEXT, "", PASSWORD, "first141", "first161", "later141", "later161", "org141", "org161", "orglater141",
                "orglater161", "answers", "series", "bad", "orgquiet");
    }

    static String address(String login) {
        return login + "@" + CONTEXT;
    }

    static EasClient device(String login, String deviceId, String version) {
        return ServerIT.phone(address(login), PASSWORD, deviceId, deviceId.contains("iphone") ? "iPhone" : "Android", version);
    }

    /** The Notes invitation, organized by the local user {@code organizer}, to {@code attendee}. */
    static void invite(String attendee, String organizer) {
        String mail = MeetingInboxIT.fixtureText("invitation-notes.eml").replace("pat.miller@acme-notes.example", address(organizer))
                .replace("invitee@meeting.test", address(attendee));
        TestMail.deliver(address(attendee), mail.replaceAll("(?<!\r)\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static MailView inbox(EasClient phone) {
        MailView inbox = MeetingInboxIT.inbox(phone);
        inbox.syncUntilDone(25, 3);
        return inbox;
    }

    /** One Request; {@code extra} adds InstanceId, SendResponse and the like. */
    static Element request(String userResponse, String collectionId, String requestId, Element... extra) {
        List<Element> parts = new ArrayList<>(List.of(text(MR, "UserResponse", userResponse), text(MR, "CollectionId", collectionId),
                text(MR, "RequestId", requestId)));
        parts.addAll(List.of(extra));
        return el(MR, "Request", parts.toArray(Element[]::new));
    }

    /** The Results of a MeetingResponse, which must answer 200. */
    static List<Element> respond(EasClient phone, Element... requests) {
        EasClient.Answer answer = phone.post("MeetingResponse", el(MR, "MeetingResponse", requests));
        assertEquals(200, answer.status(), "MeetingResponse answers 200");
        return answer.root().children(org.syncbridge.web.eas.wbxml.Tag.of(MR, "Result"));
    }

    static String result(Element result, String name) {
        return MailView.value(result, MR, name).orElse(null);
    }

    static Element sendResponse(String text) {
        return el(MR, "SendResponse", el("AirSyncBase:", "Body", text("AirSyncBase:", "Type", "1"), text("AirSyncBase:", "Data", text)));
    }

    /** The subjects of the mails in the organizer's Inbox that start with {@code prefix}, once delivery settled. */
    static List<String> answersTo(String organizer, String prefix, int expected) throws Exception {
        List<String> found = List.of();
        for (int i = 0; i < 50; i++) {
            found = TestMail.subjects(address(organizer), "INBOX").values().stream().filter(s -> s.startsWith(prefix)).toList();
            if (found.size() >= expected && i >= 5) {
                break;
            }
            Thread.sleep(200);
        }
        return found;
    }

    static String trashName(String login) throws Exception {
        return TestMail.mailboxes(address(login)).stream().filter(n -> n.replaceAll(".*[./]", "").equalsIgnoreCase("Trash"))
                .findFirst().orElseThrow(() -> new AssertionError("no Trash on " + TestMail.imapServer()));
    }

    @ParameterizedTest
    @CsvSource({"14.1,true", "14.1,false", "16.1,true", "16.1,false"})
    void acceptingFromTheInboxLeavesOneAppointmentOnTheServerAndOnEveryDevice(String version, boolean calendarFirst) throws Exception {
        String login = (calendarFirst ? "first" : "later") + version.replace(".", "");
        String organizer = (calendarFirst ? "org" : "orglater") + version.replace(".", "");
        EasClient phone = device(login, login + "-iphone", version);
        EasClient tablet = device(login, login + "-tablet", version);
        MailView calendar = MeetingInboxIT.calendar(phone);
        MailView other = MeetingInboxIT.calendar(tablet);
        invite(login, organizer);
        MailView inbox = inbox(phone);
        if (calendarFirst) {
            calendar.sync(null);
            other.sync(null);
            MeetingInboxIT.assertTentative(only(calendar));
        }
        String mailId = inbox.idOf(MAIL_SUBJECT);
        Element[] send = version.startsWith("16") ? new Element[] {sendResponse("Ich komme gern.")} : new Element[0];
        List<Element> results = respond(phone, request("1", inbox.collectionId, mailId, send));
        assertEquals(1, results.size());
        assertEquals(mailId, result(results.get(0), "RequestId"));
        assertEquals("1", result(results.get(0), "Status"), results.toString());
        String calendarId = result(results.get(0), "CalendarId");
        assertNotNull(calendarId, "accepted: the calendar item's ServerId");

        Element answer = calendar.sync(null); // MailView fails on an Add of an item the phone holds: a duplicate
        assertEquals(List.of(calendarId), List.copyOf(calendar.items.keySet()), "one appointment, the one CalendarId names");
        assertEquals(calendarFirst ? "Change" : "Add", changes(answer).get(0).tag().name());
        Element accepted = only(calendar);
        assertEquals("3", cal(accepted, "ResponseType"), "accepted");
        assertEquals("2", cal(accepted, "BusyStatus"), "busy, as the organizer intends");
        assertEquals("3", cal(accepted, "MeetingStatus"), "still a received meeting");
        assertNotNull(cal(accepted, "AppointmentReplyTime"));

        other.sync(null);
        assertEquals(List.of(calendarId), List.copyOf(other.items.keySet()), "the other device: the same one appointment");
        assertEquals("3", cal(only(other), "ResponseType"));

        inbox.sync(null);
        assertEquals(0, inbox.count(MAIL_SUBJECT), "the request left the Inbox (a Delete at the next Sync)");
        assertEquals(List.of(), List.copyOf(TestMail.subjects(address(login), "INBOX").values()));
        assertTrue(TestMail.subjects(address(login), trashName(login)).values().stream().anyMatch(s -> s.startsWith("Invitation:")),
                "the request is in Deleted Items");

        // the server looks at the Inbox again (a later calendar Sync): nothing new, nothing twice
        assertTrue(changes(calendar.sync(null)).isEmpty());
        List<String> replies = answersTo(organizer, "Accepted:", 1);
        if (version.startsWith("16")) {
            assertEquals(List.of("Accepted: " + SUBJECT), replies, "one REPLY to the organizer");
            byte[] raw = TestMail.raw(address(organizer), "INBOX", "Accepted: " + SUBJECT);
            String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(text.contains("method=REPLY"), text);
            assertTrue(text.contains("PARTSTAT=ACCEPTED"), text);
            assertTrue(text.contains("UID:8F3A0C1D2E4B5A6985258D7A004D5E6F-Lotus_Notes_Generated"), text);
            assertTrue(text.contains("COMMENT:Ich komme gern."), text);
        } else {
            assertEquals(List.of(), replies, "up to 14.1 the phone sends the answer itself");
        }
    }

    @Test
    void withoutSendResponseNoMailGoesOutAt16() throws Exception {
        EasClient phone = device("orgquiet", "orgquiet-iphone", "16.1");
        invite("orgquiet", "bad");
        MailView inbox = inbox(phone);
        assertEquals("1", result(respond(phone, request("2", inbox.collectionId, inbox.idOf(MAIL_SUBJECT))).get(0), "Status"));
        assertEquals(List.of(), answersTo("bad", "Tentative:", 0), "no SendResponse, no answer mail");
    }

    @Test
    void tentativeThenDeclineFromTheCalendarItem() throws Exception {
        EasClient phone = device("answers", "answers-iphone", "14.1");
        EasClient tablet = device("answers", "answers-tablet", "14.1");
        MailView calendar = MeetingInboxIT.calendar(phone);
        MailView other = MeetingInboxIT.calendar(tablet);
        invite("answers", "orgquiet");
        calendar.sync(null);
        other.sync(null);
        String itemId = calendar.items.keySet().iterator().next();

        List<Element> tentative = respond(phone, request("2", calendar.collectionId, itemId));
        assertEquals("1", result(tentative.get(0), "Status"));
        assertEquals(itemId, result(tentative.get(0), "CalendarId"));
        calendar.sync(null);
        assertEquals("2", cal(only(calendar), "ResponseType"), "tentative");
        assertEquals("1", cal(only(calendar), "BusyStatus"));

        List<Element> declined = respond(phone, request("3", calendar.collectionId, itemId));
        assertEquals("1", result(declined.get(0), "Status"));
        assertNull(result(declined.get(0), "CalendarId"), "no CalendarId for a declined meeting (MS-ASCMD 2.2.3.18)");
        Element answer = calendar.sync(null);
        assertEquals("Delete", changes(answer).get(0).tag().name(), "declined: gone from the calendar, as Exchange does");
        assertTrue(calendar.items.isEmpty());
        other.sync(null);
        assertTrue(other.items.isEmpty(), "and from the other device");
        assertTrue(changes(calendar.sync(null)).isEmpty(), "the request still in the Inbox does not bring it back");
    }

    @Test
    void oneOccurrenceOfASeriesIsAnsweredAsAnException() {
        EasClient phone = device("series", "series-iphone", "14.1");
        MailView calendar = MeetingInboxIT.calendar(phone);
        TestMail.deliver(address("series"), MeetingInboxIT.googleSeries("REQUEST", 0, null).replaceAll("(?<!\r)\n", "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        calendar.sync(null);
        String itemId = calendar.items.keySet().iterator().next();
        List<Element> results = respond(phone, request("1", calendar.collectionId, itemId, text(MR, "InstanceId", "2026-03-09T08:00:00.000Z")));
        assertEquals("1", result(results.get(0), "Status"));
        assertEquals(itemId, result(results.get(0), "CalendarId"));
        calendar.sync(null);
        Element series = only(calendar);
        assertEquals("5", cal(series, "ResponseType"), "the series is not answered");
        List<Element> exceptions = MailView.child(series, MeetingInboxIT.CAL, "Exceptions")
                .children(org.syncbridge.web.eas.wbxml.Tag.of(MeetingInboxIT.CAL, "Exception"));
        Element monday = exceptions.stream().filter(e -> "20260309T080000Z".equals(cal(e, "ExceptionStartTime"))).findFirst().orElseThrow();
        assertEquals("3", cal(monday, "ResponseType"), "that Monday accepted");
        assertEquals(1, exceptions.size());
    }

    @Test
    void badRequestsGetStatusTwoNeverAServerError() {
        EasClient phone = device("bad", "bad-iphone", "16.1");
        MailView calendar = MeetingInboxIT.calendar(phone);
        TestMail.deliver(address("bad"), "Plain mail");
        invite("bad", "orgquiet");
        MailView inbox = inbox(phone);
        String plain = inbox.idOf("Plain mail");
        String invitation = inbox.idOf(MAIL_SUBJECT);
        List<Element> results = respond(phone,
                request("1", inbox.collectionId, "999999"), // unknown RequestId
                request("1", inbox.collectionId, plain), // a mail without a calendar part
                request("1", inbox.collectionId, invitation, text(MR, "InstanceId", "2026-03-17T13:00:00.000Z")), // InstanceId with a mail
                request("7", inbox.collectionId, invitation), // no such UserResponse
                request("1", "424242", "1"), // no such collection
                request("1", calendar.collectionId, "424242")); // no such calendar item
        assertEquals(6, results.size());
        for (Element r : results) {
            assertEquals("2", result(r, "Status"), r.toString());
            assertNull(result(r, "CalendarId"));
        }
        assertEquals("999999", result(results.get(0), "RequestId"));

        // the user's own meeting is no request to answer
        Element mine = el(MailView.AS, "ApplicationData", text(MeetingInboxIT.CAL, "StartTime", "20260507T080000Z"),
                text(MeetingInboxIT.CAL, "EndTime", "20260507T090000Z"), text(MeetingInboxIT.CAL, "Subject", "Mine"),
                text(MeetingInboxIT.CAL, "UID", "own-meeting-1"), text(MeetingInboxIT.CAL, "MeetingStatus", "1"),
                text(MeetingInboxIT.CAL, "OrganizerEmail", address("bad")));
        Element added = calendar.sync(null, el(MailView.AS, "Add", text(MailView.AS, "ClientId", "mine-1"), mine));
        String mineId = SyncIT.responses(added, "Add").get(0).childText(org.syncbridge.web.eas.wbxml.Tag.of(MailView.AS, "ServerId")).orElseThrow();
        assertEquals("2", result(respond(phone, request("1", calendar.collectionId, mineId)).get(0), "Status"));
        assertFalse(inbox.items.isEmpty());
    }
}
