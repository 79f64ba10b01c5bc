package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MeetingInboxIT.CAL;
import static org.syncbridge.it.MeetingInboxIT.cal;
import static org.syncbridge.it.MeetingInboxIT.only;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * A meeting between two users of the server, at 14.1, where phones send invitations and answers themselves: alice's
 * phone adds the meeting and sends the iMIP REQUEST with SendMail; it reaches bob's Inbox over SMTP and his calendar
 * holds it tentative; bob accepts with MeetingResponse and his phone sends the REPLY with SendMail; alice's
 * appointment shows bob as accepted.
 */
@Tag("mail")
class InternalMeetingIT extends ServerIT {
    static final String CONTEXT = "internal.test";
    static final String PASSWORD = "Internal-pw-1";
    static final String UID = "internal-meeting-0001@" + CONTEXT;

    @BeforeEach
    void contextExists() {
        usersExist(CONTEXT, "", PASSWORD, "alice", "bob");
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
}
