package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.CalendarSyncIT.BASE;
import static org.syncbridge.it.CalendarSyncIT.BERLIN;
import static org.syncbridge.it.CalendarSyncIT.CAL;
import static org.syncbridge.it.CalendarSyncIT.added;
import static org.syncbridge.it.CalendarSyncIT.compact;
import static org.syncbridge.it.CalendarSyncIT.data;
import static org.syncbridge.it.CalendarSyncIT.field;
import static org.syncbridge.it.CalendarSyncIT.item;
import static org.syncbridge.it.CalendarSyncIT.local;
import static org.syncbridge.it.CalendarSyncIT.sync;
import static org.syncbridge.it.CalendarSyncIT.value;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.SyncIT.AS;
import static org.syncbridge.it.SyncIT.commands;
import static org.syncbridge.it.SyncIT.key;
import static org.syncbridge.it.SyncIT.responses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.timezone.EasTimeZone;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * A recurring meeting alice organizes, with attendees, a resource and exceptions, in her calendar and (as an
 * invitation leaves it) in bob's: what bob's phones change of it, and what phones leave out of a Change.
 */
class MeetingAttendeeIT extends ServerIT {
    static final String CONTEXT = "meet.test";
    static final String PASSWORD = "Meet-pw-1";
    static final Instant FIRST = local("2026-03-02T09:00", BERLIN); // ten Mondays
    static final Instant MOVED = local("2026-03-09T09:00", BERLIN);
    static final Instant DELETED = local("2026-03-23T09:00", BERLIN);

    @BeforeEach
    void usersExist() {
        usersExist(CONTEXT, "", PASSWORD, "alice141", "bob141", "alice161", "bob161", "alicex", "bobx", "orga141", "orga161",
                "plain141", "series141");
    }

    static EasClient device(String login, String deviceId, String version) {
        return phone(login + "@" + CONTEXT, PASSWORD, deviceId, "iPhone", version);
    }

    /** The meeting as a 14.1 phone writes it: alice's with MeetingStatus 1, an attendee's copy with 3 (received, tentative). */
    static List<Element> meeting(String organizer, String attendee, boolean received, String uid) {
        return new ArrayList<>(List.of(text(CAL, "Timezone", EasTimeZone.encodeBase64(BERLIN, 2026)), text(CAL, "AllDayEvent", "0"),
                text(CAL, "StartTime", compact(FIRST)), text(CAL, "EndTime", compact(FIRST.plusSeconds(3600))),
                text(CAL, "DtStamp", "20260201T100000Z"), text(CAL, "Subject", "Jour fixe"), text(CAL, "Location", "Room 1"),
                text(CAL, "Sensitivity", "0"), text(CAL, "BusyStatus", received ? "1" : "2"), text(CAL, "Reminder", "15"),
                text(CAL, "UID", uid), text(CAL, "MeetingStatus", received ? "3" : "1"),
                text(CAL, "OrganizerName", "Alice"), text(CAL, "OrganizerEmail", organizer + "@" + CONTEXT),
                el(BASE, "Body", text(BASE, "Type", "1"), text(BASE, "Data", "Agenda: numbers")),
                el(CAL, "Attendees",
                        el(CAL, "Attendee", text(CAL, "Email", attendee + "@" + CONTEXT), text(CAL, "Name", "Bob"), text(CAL, "AttendeeType", "1")),
                        el(CAL, "Attendee", text(CAL, "Email", "carol@example.org"), text(CAL, "Name", "Carol"), text(CAL, "AttendeeType", "2")),
                        el(CAL, "Attendee", text(CAL, "Email", "room-1@" + CONTEXT), text(CAL, "Name", "Room 1"), text(CAL, "AttendeeType", "3"))),
                el(CAL, "Recurrence", text(CAL, "Type", "1"), text(CAL, "Interval", "1"), text(CAL, "DayOfWeek", "2"),
                        text(CAL, "Occurrences", "10")),
                el(CAL, "Exceptions",
                        el(CAL, "Exception", text(CAL, "ExceptionStartTime", compact(MOVED)), text(CAL, "Subject", "Jour fixe (Tuesday)"),
                                text(CAL, "StartTime", compact(MOVED.plusSeconds(86400))),
                                text(CAL, "EndTime", compact(MOVED.plusSeconds(86400 + 3600)))),
                        el(CAL, "Exception", text(CAL, "ExceptionStartTime", compact(DELETED)), text(CAL, "Deleted", "1")))));
    }

    /** What a 14.1 iPhone sends when only the alarm of a series changed: the series without Attendees and Exceptions. */
    static List<Element> withoutAttendeesAndExceptions(List<Element> meeting) {
        List<Element> sent = new ArrayList<>(meeting);
        sent.removeIf(e -> e.is(Tag.of(CAL, "Attendees")) || e.is(Tag.of(CAL, "Exceptions")));
        return sent;
    }

    /** The fields with the one of {@code by}'s tag replaced by it. */
    static List<Element> replaced(List<Element> fields, Element by) {
        List<Element> copy = new ArrayList<>(fields);
        copy.replaceAll(e -> e.is(by.tag()) ? by : e);
        return copy;
    }

    static Element applicationData(List<Element> fields) {
        return el(AS, "ApplicationData", fields.toArray(Element[]::new));
    }

    static Element add(String clientId, List<Element> fields) {
        return el(AS, "Add", text(AS, "ClientId", clientId), applicationData(fields));
    }

    static Element change(String serverId, Element... fields) {
        return el(AS, "Change", text(AS, "ServerId", serverId), el(AS, "ApplicationData", fields));
    }

    /** The meeting as a device sees it, with what must not be lost of it. */
    static void hasAttendeesResourceAndExceptions(Element meeting, String version) {
        List<Element> attendees = field(meeting, "Attendees").children(Tag.of(CAL, "Attendee"));
        assertEquals(3, attendees.size(), "attendees and resource: " + meeting);
        Element room = attendees.stream().filter(a -> ("room-1@" + CONTEXT).equals(value(a, CAL, "Email"))).findFirst().orElseThrow();
        assertEquals("3", value(room, CAL, "AttendeeType"), "the resource stays a resource");
        List<Element> exceptions = field(meeting, "Exceptions").children(Tag.of(CAL, "Exception"));
        assertEquals(2, exceptions.size(), "exceptions: " + meeting);
        String key = version.startsWith("16") ? "InstanceId" : "ExceptionStartTime";
        String ns = version.startsWith("16") ? BASE : CAL;
        Element moved = exceptions.stream().filter(e -> compact(MOVED).equals(value(e, ns, key))).findFirst().orElseThrow();
        assertEquals("Jour fixe (Tuesday)", value(moved, CAL, "Subject"));
        assertEquals(compact(MOVED.plusSeconds(86400)), value(moved, CAL, "StartTime"));
        assertTrue(exceptions.stream().anyMatch(e -> compact(DELETED).equals(value(e, ns, key)) && "1".equals(value(e, CAL, "Deleted"))));
        assertEquals("Agenda: numbers", data(meeting).child(Tag.of(BASE, "Body")).flatMap(b -> b.childText(Tag.of(BASE, "Data"))).orElse(null));
        assertEquals("Jour fixe", value(data(meeting), CAL, "Subject"));
        assertEquals(compact(FIRST), field(meeting, "StartTime").text());
    }

    /** alice's meeting in her calendar and in bob's, as the invitation leaves it, each added by a 14.1 phone. */
    record Meeting(EasClient alice, String aliceCalendar, String aliceKey, String aliceId, EasClient bobTablet, String bobCalendar,
                   String bobKey, String bobId) {
    }

    static Meeting organized(String alice, String bob, String uid) {
        EasClient organizer = device(alice, alice + "-phone", "14.1");
        String aliceCalendar = SyncIT.collection(organizer, "Calendar");
        Element added = sync(organizer, aliceCalendar, key(sync(organizer, aliceCalendar, "0", null)), null,
                add("a1", meeting(alice, bob, false, uid)));
        EasClient tablet = device(bob, bob + "-tablet", "14.1");
        String bobCalendar = SyncIT.collection(tablet, "Calendar");
        Element copy = sync(tablet, bobCalendar, key(sync(tablet, bobCalendar, "0", null)), null, add("b1", meeting(alice, bob, true, uid)));
        return new Meeting(organizer, aliceCalendar, key(added), added(added), tablet, bobCalendar, key(copy), added(copy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"14.1", "16.1"})
    void anAttendeesAlarmChangeLeavesTheOrganizersAttendeesResourceAndExceptions(String version) {
        String v = version.replace(".", "");
        Meeting m = organized("alice" + v, "bob" + v, "MEETING-" + v);
        EasClient iphone = device("bob" + v, "bob" + v + "-iphone", version);
        Element first = sync(iphone, m.bobCalendar(), key(sync(iphone, m.bobCalendar(), "0", null)), null);
        hasAttendeesResourceAndExceptions(item(first, "Add", m.bobId()), version);

        Element[] alarm = version.startsWith("16") ? new Element[] {text(CAL, "Reminder", "5")} // 16.x sends what changed
                : replaced(replaced(withoutAttendeesAndExceptions(meeting("alice" + v, "bob" + v, true, "MEETING-" + v)),
                        text(CAL, "Reminder", "5")), el(BASE, "Body", text(BASE, "Type", "1"), text(BASE, "Data", "")))
                        .toArray(Element[]::new); // the whole series, as the 14.1 captures send it, without Attendees and Exceptions
        Element answer = sync(iphone, m.bobCalendar(), key(first), null, change(m.bobId(), alarm));
        assertTrue(responses(answer, "Change").isEmpty(), "accepted: " + answer);
        assertTrue(commands(answer, "Change").isEmpty(), "the phone already shows the meeting as it is: " + answer);

        Element onTablet = item(sync(m.bobTablet(), m.bobCalendar(), m.bobKey(), null), "Change", m.bobId());
        assertEquals("5", value(data(onTablet), CAL, "Reminder"), "bob's alarm changed on his other device");
        hasAttendeesResourceAndExceptions(onTablet, "14.1");
        assertEquals("alice" + v + "@" + CONTEXT, value(data(onTablet), CAL, "OrganizerEmail"));
        assertEquals("3", value(data(onTablet), CAL, "MeetingStatus"));

        assertTrue(commands(sync(m.alice(), m.aliceCalendar(), m.aliceKey(), null), "Change").isEmpty(), "alice's copy is not touched");
        EasClient aliceTablet = device("alice" + v, "alice" + v + "-tablet", "14.1");
        Element aliceSees = item(sync(aliceTablet, m.aliceCalendar(), key(sync(aliceTablet, m.aliceCalendar(), "0", null)), null), "Add", m.aliceId());
        hasAttendeesResourceAndExceptions(aliceSees, "14.1");
        assertEquals("15", value(data(aliceSees), CAL, "Reminder"), "the alarm changed for bob only");
    }

    /** An attendee's phone that sends another time, subject and attendee list changes none of them, and is shown the meeting. */
    @Test
    void anAttendeesPhoneChangingTheMeetingItselfKeepsItAndGetsItBack() {
        Meeting m = organized("alicex", "bobx", "MEETING-X");
        EasClient iphone = device("bobx", "bobx-iphone", "14.1");
        String key = key(sync(iphone, m.bobCalendar(), key(sync(iphone, m.bobCalendar(), "0", null)), null));
        List<Element> mine = replaced(meeting("alicex", "bobx", true, "MEETING-X"), text(CAL, "Subject", "My subject"));
        mine = replaced(mine, text(CAL, "StartTime", compact(FIRST.plusSeconds(7200))));
        mine = replaced(mine, text(CAL, "EndTime", compact(FIRST.plusSeconds(9000))));
        mine = replaced(mine, el(CAL, "Attendees", el(CAL, "Attendee", text(CAL, "Email", "bobx@" + CONTEXT),
                text(CAL, "Name", "Bob"), text(CAL, "AttendeeType", "1"))));
        mine = replaced(mine, text(CAL, "BusyStatus", "2"));
        Element answer = sync(iphone, m.bobCalendar(), key, null, change(m.bobId(), mine.toArray(Element[]::new)));
        assertTrue(responses(answer, "Change").isEmpty(), "accepted (its own part): " + answer);
        Element back = item(answer, "Change", m.bobId());
        hasAttendeesResourceAndExceptions(back, "14.1");
        assertEquals("2", value(data(back), CAL, "BusyStatus"), "how the time shows is bob's to say");

        Element onTablet = item(sync(m.bobTablet(), m.bobCalendar(), m.bobKey(), null), "Change", m.bobId());
        hasAttendeesResourceAndExceptions(onTablet, "14.1");
        assertEquals("2", value(data(onTablet), CAL, "BusyStatus"));
    }

    /** Supported in the SyncKey 0 of a 14.1 phone: every element but Attendees, which it thereby ghosts. */
    static Element supportedWithoutAttendees() {
        return el(AS, "Supported", List.of("Timezone", "AllDayEvent", "StartTime", "EndTime", "DtStamp", "Subject", "Location",
                "Sensitivity", "BusyStatus", "Reminder", "UID", "MeetingStatus", "OrganizerName", "OrganizerEmail", "Recurrence",
                "Exceptions", "Categories").stream().map(n -> el(CAL, n)).toArray(Element[]::new));
    }

    static String primed(EasClient device, String collectionId, Element supported) {
        List<Element> parts = new ArrayList<>(List.of(text(AS, "SyncKey", "0"), text(AS, "CollectionId", collectionId)));
        if (supported != null) {
            parts.add(supported);
        }
        Element answer = device.post("Sync", el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", parts.toArray(Element[]::new))))).root();
        return key(answer.child(Tag.of(AS, "Collections")).orElseThrow().child(Tag.of(AS, "Collection")).orElseThrow());
    }

    /** The organizer's own phone changes the alarm and leaves out the Attendees it ghosts: they stay. */
    @ParameterizedTest
    @ValueSource(strings = {"14.1", "16.1"})
    void theOrganizersPhoneLeavingOutGhostedAttendeesKeepsThem(String version) {
        String login = "orga" + version.replace(".", "");
        EasClient phone = device(login, login + "-phone", version);
        String calendar = SyncIT.collection(phone, "Calendar");
        String key = primed(phone, calendar, version.startsWith("16") ? null : supportedWithoutAttendees());
        EasClient writer = device(login, login + "-writer", "14.1");
        String writerKey = key(sync(writer, calendar, "0", null));
        String id = added(sync(writer, calendar, writerKey, null, add("o1", meeting(login, "bob", false, "ORGA-" + version))));
        key = key(sync(phone, calendar, key, null));

        Element[] alarm = version.startsWith("16") ? new Element[] {text(CAL, "Reminder", "45")}
                : replaced(withoutAttendeesAndExceptions(meeting(login, "bob", false, "ORGA-" + version)), text(CAL, "Reminder", "45"))
                        .toArray(Element[]::new);
        Element answer = sync(phone, calendar, key, null, change(id, alarm));
        assertTrue(responses(answer, "Change").isEmpty(), "accepted: " + answer);
        EasClient other = device(login, login + "-other", "14.1");
        Element seen = item(sync(other, calendar, key(sync(other, calendar, "0", null)), null), "Add", id);
        hasAttendeesResourceAndExceptions(seen, "14.1");
        assertEquals("45", value(data(seen), CAL, "Reminder"));
        assertEquals("Room 1", value(data(seen), CAL, "Location"), "16.1 left Location out too: ghosted");
    }

    /** Without Supported, a 14.1 phone manages Attendees (MS-ASCMD 2.2.3.179): leaving them out removes them. */
    @Test
    void withoutSupportedA141PhoneThatLeavesOutTheAttendeesOfItsOwnMeetingRemovesThem() {
        EasClient phone = device("plain141", "plain141-phone", "14.1");
        String calendar = SyncIT.collection(phone, "Calendar");
        String key = primed(phone, calendar, null);
        Element added = sync(phone, calendar, key, null, add("p1", meeting("plain141", "bob", false, "PLAIN")));
        Element answer = sync(phone, calendar, key(added), null, change(added(added),
                withoutAttendeesAndExceptions(meeting("plain141", "bob", false, "PLAIN")).toArray(Element[]::new)));
        EasClient other = device("plain141", "plain141-other", "14.1");
        Element seen = item(sync(other, calendar, key(sync(other, calendar, "0", null)), null), "Add", added(added));
        assertTrue(data(seen).child(Tag.of(CAL, "Attendees")).isEmpty(), "removed: " + seen);
        assertEquals(2, field(seen, "Exceptions").children(Tag.of(CAL, "Exception")).size(), "the unchanged series keeps its exceptions");
        assertTrue(responses(answer, "Change").isEmpty());
    }

    /** A series changed in its alarm keeps the exceptions the phone left out; moved to another time, it loses them. */
    @Test
    void aSeriesKeepsItsExceptionsUntilItIsMoved() {
        EasClient phone = device("series141", "series141-phone", "14.1");
        EasClient other = device("series141", "series141-other", "14.1");
        String calendar = SyncIT.collection(phone, "Calendar");
        String otherKey = key(sync(other, calendar, "0", null));
        Element added = sync(phone, calendar, key(sync(phone, calendar, "0", null)), null, add("s1", meeting("series141", "bob", false, "S")));
        String id = added(added);
        otherKey = key(sync(other, calendar, otherKey, null));
        List<Element> series = withoutAttendeesAndExceptions(meeting("series141", "bob", false, "S"));
        Element alarm = sync(phone, calendar, key(added), null, change(id, replaced(series, text(CAL, "Reminder", "30"))
                .toArray(Element[]::new)));
        Element seen = item(sync(other, calendar, otherKey, null), "Change", id);
        assertEquals("30", value(data(seen), CAL, "Reminder"));
        assertEquals(2, field(seen, "Exceptions").children(Tag.of(CAL, "Exception")).size());
        otherKey = key(sync(other, calendar, otherKey, null));

        List<Element> moved = replaced(series, text(CAL, "StartTime", compact(FIRST.plusSeconds(1800))));
        sync(phone, calendar, key(alarm), null, change(id, moved.toArray(Element[]::new)));
        Element movedSeen = item(sync(other, calendar, otherKey, null), "Change", id);
        assertEquals(compact(FIRST.plusSeconds(1800)), field(movedSeen, "StartTime").text());
        assertTrue(data(movedSeen).child(Tag.of(CAL, "Exceptions")).isEmpty(), "exceptions of the old times are gone: " + movedSeen);
    }
}
