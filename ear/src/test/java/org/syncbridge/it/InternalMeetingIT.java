package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MeetingInboxIT.CAL;
import static org.syncbridge.it.MeetingInboxIT.cal;
import static org.syncbridge.it.MeetingInboxIT.only;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * A meeting between two users of the server, at 14.1, where phones send invitations and answers themselves: alice's
 * phone adds the meeting and sends the iMIP REQUEST with SendMail; it reaches bob's Inbox over SMTP and his calendar
 * holds it tentative; bob accepts with MeetingResponse and his phone sends the REPLY with SendMail; alice's
 * appointment shows bob as accepted. At 16.1 phones leave invitations to the server (MS-ASCAL 16.0): alice's phone only
 * writes her calendar, and the server sends the REQUEST, the update and the CANCEL; at 14.1 it sends none.
 */
@Tag("mail")
class InternalMeetingIT extends ServerIT {
    static final String CONTEXT = "internal.test";
    static final String PASSWORD = "Internal-pw-1";
    static final String UID = "internal-meeting-0001@" + CONTEXT;

    @BeforeEach
    void contextExists() {
        usersExist(CONTEXT, "", PASSWORD, "alice", "bob", "alice16", "bob16", "alice14", "bob14");
    }

    static String address(String login) {
        return login + "@" + CONTEXT;
    }

    static byte[] imip(String method, String from, String to, String subject, String partStat) {
        String mail = "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nDate: Mon, 04 May 2026 10:00:00 +0000\n"
                + "Message-ID: <" + method + "-" + System.nanoTime() + "@" + CONTEXT + ">\nMIME-Version: 1.0\n"
                + "Content-Type: text/calendar; charset=UTF-8; method=" + method + "\n\nBEGIN:VCALENDAR\nVERSION:2.0\n"
                + "PRODID:-//Apple Inc.//iPhone 17.0//EN\nMETHOD:" + method + "\nBEGIN:VEVENT\nUID:" + UID + "\nDTSTAMP:20260504T100000Z\n"
                + "DTSTART:20260507T080000Z\nDTEND:20260507T090000Z\nSEQUENCE:0\nSUMMARY:Budget review\n"
                + "ORGANIZER;CN=Alice:mailto:" + address("alice") + "\nATTENDEE;CN=Bob;PARTSTAT=" + partStat
                + ";ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:" + address("bob") + "\nEND:VEVENT\nEND:VCALENDAR\n";
        return mail.replaceAll("(?<!\r)\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void bobAcceptsAlicesMeetingAndAlicesAppointmentShowsIt() {
        EasClient alicePhone = ServerIT.phone(address("alice"), PASSWORD, "alice-iphone", "iPhone", "14.1");
        EasClient bobPhone = ServerIT.phone(address("bob"), PASSWORD, "bob-iphone", "iPhone", "14.1");
        MailView aliceCalendar = MeetingInboxIT.calendar(alicePhone);
        MailView bobCalendar = MeetingInboxIT.calendar(bobPhone);

        Element meeting = el(MailView.AS, "ApplicationData", text(CAL, "AllDayEvent", "0"), text(CAL, "StartTime", "20260507T080000Z"),
                text(CAL, "EndTime", "20260507T090000Z"), text(CAL, "Subject", "Budget review"), text(CAL, "UID", UID),
                text(CAL, "MeetingStatus", "1"), text(CAL, "OrganizerEmail", address("alice")), text(CAL, "BusyStatus", "2"),
                el(CAL, "Attendees", el(CAL, "Attendee", text(CAL, "Email", address("bob")), text(CAL, "Name", "Bob"),
                        text(CAL, "AttendeeType", "1"))));
        Element added = aliceCalendar.sync(null, el(MailView.AS, "Add", text(MailView.AS, "ClientId", "budget-1"), meeting));
        String aliceId = SyncIT.responses(added, "Add").get(0).childText(org.syncbridge.web.eas.wbxml.Tag.of(MailView.AS, "ServerId")).orElseThrow();
        aliceCalendar.items.put(aliceId, meeting);
        SendMailIT.assertSent(SendMailIT.sendMail(alicePhone, imip("REQUEST", address("alice"), address("bob"), "Budget review", "NEEDS-ACTION"),
                "alice-invite-1"), "the invitation");

        bobCalendar.sync(null);
        Element bobs = only(bobCalendar);
        MeetingInboxIT.assertTentative(bobs);
        assertEquals(address("alice"), cal(bobs, "OrganizerEmail"));

        MailView bobInbox = MeetingInboxIT.inbox(bobPhone);
        bobInbox.syncUntilDone(25, 3);
        String requestId = bobInbox.idOf("Budget review");
        List<Element> results = MeetingResponseIT.respond(bobPhone, MeetingResponseIT.request("1", bobInbox.collectionId, requestId));
        assertEquals("1", MeetingResponseIT.result(results.get(0), "Status"));
        assertEquals(List.copyOf(bobCalendar.items.keySet()), List.of(MeetingResponseIT.result(results.get(0), "CalendarId")));
        SendMailIT.assertSent(SendMailIT.sendMail(bobPhone, imip("REPLY", address("bob"), address("alice"), "Accepted: Budget review", "ACCEPTED"),
                "bob-reply-1"), "the answer");

        bobCalendar.sync(null);
        assertEquals("3", cal(only(bobCalendar), "ResponseType"), "bob accepted");
        assertEquals(1, bobCalendar.items.size());

        aliceCalendar.sync(null);
        assertEquals(1, aliceCalendar.items.size());
        Element attendee = MailView.child(aliceCalendar.items.get(aliceId), CAL, "Attendees")
                .children(org.syncbridge.web.eas.wbxml.Tag.of(CAL, "Attendee")).get(0);
        assertEquals(address("bob"), cal(attendee, "Email"));
        assertNotNull(cal(attendee, "AttendeeStatus"));
        assertEquals("3", cal(attendee, "AttendeeStatus"), "alice's appointment shows bob as accepted");
        assertEquals("1", cal(aliceCalendar.items.get(aliceId), "MeetingStatus"), "still alice's own meeting");
    }

    /** A meeting as a phone adds it: alice's, with one attendee, no UID and no organizer (the 16.x phone sends neither). */
    static Element meeting(String start, String end, String subject, String attendee) {
        return el(MailView.AS, "ApplicationData", text(CAL, "AllDayEvent", "0"), text(CAL, "StartTime", start),
                text(CAL, "EndTime", end), text(CAL, "Subject", subject), text(CAL, "MeetingStatus", "1"), text(CAL, "BusyStatus", "2"),
                el(CAL, "Attendees", el(CAL, "Attendee", text(CAL, "Email", address(attendee)), text(CAL, "Name", "Bob"),
                        text(CAL, "AttendeeType", "1"))));
    }

    static String add(MailView calendar, String clientId, Element meeting) {
        Element added = calendar.sync(null, el(MailView.AS, "Add", text(MailView.AS, "ClientId", clientId), meeting));
        String id = SyncIT.responses(added, "Add").get(0).childText(org.syncbridge.web.eas.wbxml.Tag.of(MailView.AS, "ServerId")).orElseThrow();
        calendar.items.put(id, meeting);
        return id;
    }

    /** Syncs the calendar until {@code done} holds: the server sends the organizer's mail after its Sync committed. */
    static void syncUntil(MailView calendar, Predicate<MailView> done, String what) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            calendar.sync(null);
            if (done.test(calendar)) {
                return;
            }
            Thread.sleep(250);
        }
        fail(what + "; the calendar holds " + calendar.items);
    }

    static String attendeeStatus(Element appointment) {
        return MailView.child(appointment, CAL, "Attendees").children(org.syncbridge.web.eas.wbxml.Tag.of(CAL, "Attendee")).stream()
                .map(a -> cal(a, "AttendeeStatus")).findFirst().orElse(null);
    }

    @Test
    void at161TheServerInvitesUpdatesAndCancelsForTheOrganizersPhone() throws Exception {
        EasClient alicePhone = ServerIT.phone(address("alice16"), PASSWORD, "alice16-iphone", "iPhone", "16.1");
        EasClient bobPhone = ServerIT.phone(address("bob16"), PASSWORD, "bob16-iphone", "iPhone", "16.1");
        MailView aliceCalendar = MeetingInboxIT.calendar(alicePhone);
        MailView bobCalendar = MeetingInboxIT.calendar(bobPhone);

        String aliceId = add(aliceCalendar, "planning-1", meeting("20260511T080000Z", "20260511T090000Z", "Planning 16", "bob16"));
        syncUntil(bobCalendar, c -> c.items.size() == 1, "the server's invitation reaches bob's calendar (no SendMail from alice)");
        Element bobs = only(bobCalendar);
        MeetingInboxIT.assertTentative(bobs);
        assertEquals(address("alice16"), cal(bobs, "OrganizerEmail"), "the server names alice the organizer");
        assertEquals("20260511T080000Z", cal(bobs, "StartTime"));

        MailView bobInbox = MeetingInboxIT.inbox(bobPhone);
        bobInbox.syncUntilDone(25, 3);
        String requestId = bobInbox.idOf("Planning 16");
        List<Element> results = MeetingResponseIT.respond(bobPhone, MeetingResponseIT.request("1", bobInbox.collectionId, requestId,
                MeetingResponseIT.sendResponse("Bis Montag.")));
        assertEquals("1", MeetingResponseIT.result(results.get(0), "Status"));
        syncUntil(bobCalendar, c -> "3".equals(cal(only(c), "ResponseType")), "bob accepted");
        syncUntil(aliceCalendar, c -> "3".equals(attendeeStatus(c.items.get(aliceId))), "alice's appointment shows bob as accepted");
        assertEquals(1, aliceCalendar.items.size());
        assertEquals("1", cal(aliceCalendar.items.get(aliceId), "MeetingStatus"), "still alice's own meeting");

        Element moved = meeting("20260511T120000Z", "20260511T130000Z", "Planning 16", "bob16");
        aliceCalendar.sync(null, el(MailView.AS, "Change", text(MailView.AS, "ServerId", aliceId), moved));
        syncUntil(bobCalendar, c -> "20260511T120000Z".equals(cal(only(c), "StartTime")), "bob's copy moves with alice's");
        assertEquals("20260511T130000Z", cal(only(bobCalendar), "EndTime"));
        assertEquals("3", cal(only(bobCalendar), "MeetingStatus"), "still a received meeting");

        aliceCalendar.sync(null, MailView.delete(aliceId));
        syncUntil(bobCalendar, c -> "7".equals(cal(only(c), "MeetingStatus")), "bob's copy is cancelled");
        assertEquals(1, bobCalendar.items.size());
        List<String> mails = new java.util.ArrayList<>();
        for (String mailbox : TestMail.mailboxes(address("bob16"))) {
            mails.addAll(TestMail.subjects(address("bob16"), mailbox).values());
        }
        assertEquals(1, mails.stream().filter("Canceled: Planning 16"::equals).count(), "one cancellation: " + mails);
        assertEquals(2, mails.stream().filter("Planning 16"::equals).count(), "the invitation and its update: " + mails);
    }

    @Test
    void at141ThePhoneSendsTheInvitationAndTheServerSendsNothing() throws Exception {
        EasClient alicePhone = ServerIT.phone(address("alice14"), PASSWORD, "alice14-iphone", "iPhone", "14.1");
        MailView aliceCalendar = MeetingInboxIT.calendar(alicePhone);
        add(aliceCalendar, "planning-14", meeting("20260512T080000Z", "20260512T090000Z", "Planning 14", "bob14"));
        Thread.sleep(3000); // what the server sends goes out at once after the Sync
        assertEquals(List.of(), List.copyOf(TestMail.subjects(address("bob14"), "INBOX").values()), "nothing from the server at 14.1");
        assertEquals(List.of(), List.copyOf(TestMail.subjects(address("alice14"), "INBOX").values()));
    }
}
