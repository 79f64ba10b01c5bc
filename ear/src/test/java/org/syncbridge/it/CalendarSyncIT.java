package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.SyncIT.AS;
import static org.syncbridge.it.SyncIT.commands;
import static org.syncbridge.it.SyncIT.key;
import static org.syncbridge.it.SyncIT.responses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.timezone.EasTimeZone;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** Appointments synced between devices: recurrences with exceptions, all-day events across DST, date windows. */
class CalendarSyncIT extends ServerIT {
    static final String CAL = "Calendar:";
    static final String BASE = "AirSyncBase:";
    static final String PASSWORD = "Cal-pw-1";
    static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @BeforeEach
    void contextExists() {
        usersExist("cal.test", "", PASSWORD, "c121", "c141", "c161", "allday", "window", "other", "busy");
    }

    EasClient device(String login, String deviceId, String version) {
        return phone(login + "@cal.test", PASSWORD, deviceId, "iPhone", version);
    }

    static String compact(Instant instant) {
        return COMPACT.format(instant);
    }

    static Instant local(String dateTime, ZoneId zone) {
        return java.time.LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    static Element field(Element item, String name) {
        return data(item).child(Tag.of(CAL, name)).orElseThrow(() -> new AssertionError("no " + name + " in " + item));
    }

    static Element data(Element item) {
        return item.child(Tag.of(AS, "ApplicationData")).orElseThrow();
    }

    static String value(Element parent, String ns, String name) {
        return parent.childText(Tag.of(ns, name)).orElse(null);
    }

    static Element sync(EasClient device, String collectionId, String key, String filterType, Element... commands) {
        List<Element> parts = new ArrayList<>(List.of(text(AS, "SyncKey", key), text(AS, "CollectionId", collectionId)));
        if (filterType != null) {
            parts.add(el(AS, "Options", text(AS, "FilterType", filterType)));
        }
        if (commands.length > 0) {
            parts.add(el(AS, "Commands", commands));
        }
        EasClient.Answer answer = device.post("Sync", el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", parts.toArray(Element[]::new)))));
        assertEquals(200, answer.status());
        return answer.root().child(Tag.of(AS, "Collections")).orElseThrow().child(Tag.of(AS, "Collection")).orElseThrow();
    }

    static Element item(Element collection, String kind, String serverId) {
        return commands(collection, kind).stream().filter(c -> serverId.equals(value(c, AS, "ServerId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " of " + serverId + " in " + collection));
    }

    static String added(Element collection) {
        Element add = responses(collection, "Add").get(0);
        assertEquals("1", value(add, AS, "Status"));
        return value(add, AS, "ServerId");
    }

    /** The key under which an exception names its occurrence in this version. */
    static Element occurrence(String version, Instant originalStart) {
        return version.startsWith("16") ? text(BASE, "InstanceId", compact(originalStart))
                : text(CAL, "ExceptionStartTime", compact(originalStart));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void aWeeklyMeetingWithAMovedAChangedAndADeletedOccurrenceIsIdenticalOnTheOtherDevice(String version) {
        String login = "c" + version.replace(".", "");
        EasClient a = device(login, login + "-a", version);
        EasClient b = device(login, login + "-b", version);
        String calendar = SyncIT.collection(a, "Calendar");
        String keyA = key(sync(a, calendar, "0", null));
        String keyB = key(sync(b, calendar, "0", null));

        Instant first = local("2026-03-02T09:00", BERLIN); // ten Mondays, across the change to summer time
        Instant moved = local("2026-03-09T09:00", BERLIN);
        Instant changed = local("2026-03-16T09:00", BERLIN);
        Instant deleted = local("2026-03-23T09:00", BERLIN);
        Instant afterDst = local("2026-03-30T09:00", BERLIN);
        List<Element> fields = new ArrayList<>(List.of(
                text(CAL, "Timezone", EasTimeZone.encodeBase64(BERLIN, 2026)), text(CAL, "AllDayEvent", "0"),
                text(CAL, "StartTime", compact(first)), text(CAL, "EndTime", compact(first.plusSeconds(3600))),
                text(CAL, "Subject", "Jour fixe"), text(CAL, "BusyStatus", "2"), text(CAL, "Sensitivity", "0"),
                text(CAL, "Reminder", "15"), text(CAL, "MeetingStatus", "1"),
                text(CAL, "OrganizerEmail", login + "@cal.test"), text(CAL, "OrganizerName", "User " + login),
                el(CAL, "Attendees", el(CAL, "Attendee", text(CAL, "Email", "bob@example.org"), text(CAL, "Name", "Bob"),
                        text(CAL, "AttendeeType", "1")), el(CAL, "Attendee", text(CAL, "Email", "room@example.org"),
                        text(CAL, "Name", "Room 1"), text(CAL, "AttendeeType", "3"))),
                el(CAL, "Recurrence", text(CAL, "Type", "1"), text(CAL, "Interval", "1"), text(CAL, "DayOfWeek", "2"),
                        text(CAL, "Occurrences", "10"))));
        if (version.startsWith("16")) {
            fields.add(el(BASE, "Location", text(BASE, "DisplayName", "Room 1")));
        } else {
            fields.add(text(CAL, "Location", "Room 1"));
        }
        Element added = sync(a, calendar, keyA, null, el(AS, "Add", text(AS, "ClientId", "m1"), el(AS, "ApplicationData", fields.toArray(Element[]::new))));
        String serverId = added(added);
        keyA = key(added);

        Element movedFields = el(AS, "ApplicationData", text(CAL, "StartTime", compact(moved.plusSeconds(86400 + 3600))),
                text(CAL, "EndTime", compact(moved.plusSeconds(86400 + 7200))));
        Element changedFields = el(AS, "ApplicationData", text(CAL, "Subject", "Jour fixe (long)"),
                text(CAL, "StartTime", compact(changed)), text(CAL, "EndTime", compact(changed.plusSeconds(7200))));
        if (version.startsWith("16")) { // single occurrences are changed by InstanceId
            Element[] occurrenceCommands = {
                el(AS, "Change", text(AS, "ServerId", serverId), text(BASE, "InstanceId", compact(moved)), movedFields),
                el(AS, "Change", text(AS, "ServerId", serverId), text(BASE, "InstanceId", compact(changed)), changedFields),
                el(AS, "Delete", text(AS, "ServerId", serverId), text(BASE, "InstanceId", compact(deleted)))};
            Element answer = sync(a, calendar, keyA, null, occurrenceCommands);
            assertTrue(responses(answer, "Change").isEmpty() && responses(answer, "Delete").isEmpty(), "all accepted: " + answer);
            keyA = key(answer);
        } else { // the whole series with its exceptions
            List<Element> withExceptions = new ArrayList<>(fields);
            withExceptions.add(el(CAL, "Exceptions",
                    el(CAL, "Exception", occurrence(version, moved), text(CAL, "StartTime", compact(moved.plusSeconds(86400 + 3600))),
                            text(CAL, "EndTime", compact(moved.plusSeconds(86400 + 7200)))),
                    el(CAL, "Exception", occurrence(version, changed), text(CAL, "Subject", "Jour fixe (long)"),
                            text(CAL, "StartTime", compact(changed)), text(CAL, "EndTime", compact(changed.plusSeconds(7200)))),
                    el(CAL, "Exception", occurrence(version, deleted), text(CAL, "Deleted", "1"))));
            Element answer = sync(a, calendar, keyA, null, el(AS, "Change", text(AS, "ServerId", serverId),
                    el(AS, "ApplicationData", withExceptions.toArray(Element[]::new))));
            assertTrue(responses(answer, "Change").isEmpty(), "accepted: " + answer);
            keyA = key(answer);
        }

        Element seen = sync(b, calendar, keyB, null);
        Element series = item(seen, "Add", serverId);
        assertEquals("Jour fixe", value(data(series), CAL, "Subject"));
        assertEquals(compact(first), field(series, "StartTime").text());
        assertEquals(BERLIN, EasTimeZone.decodeBase64(field(series, "Timezone").text(), 2026).orElseThrow());
        Element recurrence = field(series, "Recurrence");
        assertEquals("1", value(recurrence, CAL, "Type"));
        assertEquals("2", value(recurrence, CAL, "DayOfWeek"));
        assertEquals("10", value(recurrence, CAL, "Occurrences"));
        assertEquals("Room 1", version.startsWith("16") ? value(data(series).child(Tag.of(BASE, "Location")).orElseThrow(), BASE, "DisplayName")
                : value(data(series), CAL, "Location"));
        List<Element> attendees = field(series, "Attendees").children(Tag.of(CAL, "Attendee"));
        assertEquals(List.of("bob@example.org", "room@example.org"), attendees.stream().map(e -> value(e, CAL, "Email")).toList());
        assertEquals("3", value(attendees.get(1), CAL, "AttendeeType"), "the resource stays a resource");
        List<Element> exceptions = field(series, "Exceptions").children(Tag.of(CAL, "Exception"));
        assertEquals(3, exceptions.size());
        String key = version.startsWith("16") ? "InstanceId" : "ExceptionStartTime";
        String ns = version.startsWith("16") ? BASE : CAL;
        Element movedOne = exceptions.stream().filter(e -> compact(moved).equals(value(e, ns, key))).findFirst().orElseThrow();
        assertEquals(compact(moved.plusSeconds(86400 + 3600)), value(movedOne, CAL, "StartTime"));
        Element changedOne = exceptions.stream().filter(e -> compact(changed).equals(value(e, ns, key))).findFirst().orElseThrow();
        assertEquals("Jour fixe (long)", value(changedOne, CAL, "Subject"));
        Element deletedOne = exceptions.stream().filter(e -> compact(deleted).equals(value(e, ns, key))).findFirst().orElseThrow();
        assertEquals("1", value(deletedOne, CAL, "Deleted"));
        assertTrue(exceptions.stream().noneMatch(e -> compact(afterDst).equals(value(e, ns, key))));
        keyB = key(seen);

        // changed on B, seen on A; then deleted on A, seen on B
        List<Element> renamed = new ArrayList<>(fields);
        renamed.set(4, text(CAL, "Subject", "Jour fixe (renamed)"));
        keyB = key(sync(b, calendar, keyB, null, el(AS, "Change", text(AS, "ServerId", serverId), el(AS, "ApplicationData", renamed.toArray(Element[]::new)))));
        Element changeSeen = sync(a, calendar, keyA, null);
        assertEquals("Jour fixe (renamed)", value(data(item(changeSeen, "Change", serverId)), CAL, "Subject"));
        keyA = key(changeSeen);
        List<Element> movedSeries = new ArrayList<>(fields);
        movedSeries.set(2, text(CAL, "StartTime", compact(first.plusSeconds(1800))));
        movedSeries.set(3, text(CAL, "EndTime", compact(first.plusSeconds(5400))));
        keyA = key(sync(a, calendar, keyA, null, el(AS, "Change", text(AS, "ServerId", serverId), el(AS, "ApplicationData", movedSeries.toArray(Element[]::new)))));
        Element backOnB = sync(b, calendar, keyB, null);
        assertEquals(compact(first.plusSeconds(1800)), field(item(backOnB, "Change", serverId), "StartTime").text(), "and the other way");
        keyB = key(backOnB);
        keyA = key(sync(a, calendar, keyA, null, el(AS, "Delete", text(AS, "ServerId", serverId))));
        Element deleteSeen = sync(b, calendar, keyB, null);
        assertEquals(serverId, value(commands(deleteSeen, "Delete").get(0), AS, "ServerId"));
        keyB = key(deleteSeen);

        // an appointment made on B and seen on A is deleted on B: gone from A too
        Element other = sync(b, calendar, keyB, null, el(AS, "Add", text(AS, "ClientId", "m2"), el(AS, "ApplicationData",
                text(CAL, "Timezone", EasTimeZone.encodeBase64(BERLIN, 2026)), text(CAL, "StartTime", compact(afterDst)),
                text(CAL, "EndTime", compact(afterDst.plusSeconds(3600))), text(CAL, "Subject", "Lunch"))));
        String otherId = added(other);
        Element onA = sync(a, calendar, keyA, null);
        assertEquals("Lunch", value(data(item(onA, "Add", otherId)), CAL, "Subject"));
        sync(b, calendar, key(other), null, el(AS, "Delete", text(AS, "ServerId", otherId)));
        assertEquals(otherId, value(commands(sync(a, calendar, key(onA), null), "Delete").get(0), AS, "ServerId"));
    }

    /** A calendar shared read-write: another user's phone sees the series with its exceptions and changes it for the owner. */
    @Test
    void aSharedCalendarCarriesTheSeriesToAnotherUserAndTheirChangeBack() {
        EasClient owner = device("c141", "share-owner", "14.1");
        String calendar = SyncIT.collection(owner, "Calendar");
        String ownerKey = key(sync(owner, calendar, "0", null));
        Instant start = local("2026-05-04T10:00", BERLIN);
        Element added = sync(owner, calendar, ownerKey, null, el(AS, "Add", text(AS, "ClientId", "shared"), el(AS, "ApplicationData",
                text(CAL, "Timezone", EasTimeZone.encodeBase64(BERLIN, 2026)), text(CAL, "StartTime", compact(start)),
                text(CAL, "EndTime", compact(start.plusSeconds(3600))), text(CAL, "Subject", "Team"),
                el(CAL, "Recurrence", text(CAL, "Type", "0"), text(CAL, "Interval", "1"), text(CAL, "Occurrences", "5")),
                el(CAL, "Exceptions", el(CAL, "Exception", text(CAL, "ExceptionStartTime", compact(start.plusSeconds(86400))),
                        text(CAL, "Deleted", "1"))))));
        String serverId = added(added);
        ownerKey = key(added);
        jakarta.json.JsonObject folder = Api.array(api.asMaster("GET", "api/admin/contexts/cal.test/users/c141/folders", null)).stream()
                .map(jakarta.json.JsonObject.class::cast).filter(f -> f.getString("type").equals("calendar")).findFirst().orElseThrow();
        assertEquals(200, api.asMaster("PUT", "api/admin/contexts/cal.test/users/c141/folders/" + folder.getInt("id") + "/shares/other",
                "{\"writable\":true}").statusCode());

        EasClient other = device("other", "share-other", "16.1");
        String shared = SyncIT.collection(other, "Calendar (User c141)");
        String otherKey = key(sync(other, shared, "0", null));
        Element seen = sync(other, shared, otherKey, null);
        Element series = item(seen, "Add", serverId);
        assertEquals("Team", value(data(series), CAL, "Subject"));
        Element exception = field(series, "Exceptions").child(Tag.of(CAL, "Exception")).orElseThrow();
        assertEquals(compact(start.plusSeconds(86400)), value(exception, BASE, "InstanceId"), "16.1 names the occurrence by InstanceId");
        otherKey = key(seen);
        Element moved = sync(other, shared, otherKey, null, el(AS, "Change", text(AS, "ServerId", serverId),
                text(BASE, "InstanceId", compact(start.plusSeconds(2 * 86400))), el(AS, "ApplicationData",
                        text(CAL, "StartTime", compact(start.plusSeconds(2 * 86400 + 7200))),
                        text(CAL, "EndTime", compact(start.plusSeconds(2 * 86400 + 10800))))));
        assertTrue(responses(moved, "Change").isEmpty(), "accepted: " + moved);
        Element ownerSees = item(sync(owner, calendar, ownerKey, null), "Change", serverId);
        List<Element> exceptions = field(ownerSees, "Exceptions").children(Tag.of(CAL, "Exception"));
        assertEquals(2, exceptions.size());
        assertTrue(exceptions.stream().anyMatch(e -> compact(start.plusSeconds(2 * 86400 + 7200)).equals(value(e, CAL, "StartTime"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void aMonthlyMeetingOnTheLastFridayKeepsItsRule(String version) {
        String login = "c" + version.replace(".", "");
        EasClient a = device(login, login + "-m1", version);
        EasClient b = device(login, login + "-m2", version);
        String calendar = SyncIT.collection(a, "Calendar");
        String keyA = key(sync(a, calendar, "0", null));
        String keyB = key(sync(b, calendar, "0", null));
        ZoneId newYork = ZoneId.of("America/New_York");
        Instant start = local("2026-01-30T16:00", newYork);
        String serverId = added(sync(a, calendar, keyA, null, el(AS, "Add", text(AS, "ClientId", "monthly"), el(AS, "ApplicationData",
                text(CAL, "Timezone", EasTimeZone.encodeBase64(newYork, 2026)), text(CAL, "StartTime", compact(start)),
                text(CAL, "EndTime", compact(start.plusSeconds(1800))), text(CAL, "Subject", "Review"),
                el(CAL, "Recurrence", text(CAL, "Type", "3"), text(CAL, "Interval", "1"), text(CAL, "WeekOfMonth", "5"),
                        text(CAL, "DayOfWeek", "32"), text(CAL, "Until", compact(local("2026-12-25T16:00", newYork))))))));
        Element series = item(sync(b, calendar, keyB, null), "Add", serverId);
        Element recurrence = field(series, "Recurrence");
        assertEquals(List.of("3", "1", "5", "32", compact(local("2026-12-25T16:00", newYork))), List.of(value(recurrence, CAL, "Type"),
                value(recurrence, CAL, "Interval"), value(recurrence, CAL, "WeekOfMonth"), value(recurrence, CAL, "DayOfWeek"),
                value(recurrence, CAL, "Until")));
        assertEquals(newYork, EasTimeZone.decodeBase64(field(series, "Timezone").text(), 2026).orElseThrow());
        assertEquals(compact(start), field(series, "StartTime").text());
    }

    /** All-day events on days when the clocks change (Kolkata has none) keep their dates on every device. */
    @Test
    void allDayEventsKeepTheirDatesInEveryZoneAcrossDaylightSavingChanges() {
        EasClient a = device("allday", "allday-a", "14.1");
        EasClient b = device("allday", "allday-b", "16.1");
        EasClient c = device("allday", "allday-c", "12.1");
        String calendar = SyncIT.collection(a, "Calendar");
        String keyA = key(sync(a, calendar, "0", null));
        String keyB = key(sync(b, calendar, "0", null));
        String keyC = key(sync(c, calendar, "0", null));
        record Day(String zone, String date, int days) {
        }
        List<Day> days = List.of(new Day("Europe/Berlin", "2026-03-29", 1), new Day("Europe/Berlin", "2026-10-24", 3),
                new Day("America/New_York", "2026-03-08", 1), new Day("America/New_York", "2026-11-01", 2),
                new Day("Asia/Kolkata", "2026-03-29", 1), new Day("Australia/Sydney", "2026-04-05", 1),
                new Day("Australia/Sydney", "2026-10-04", 2));
        List<Element> adds = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            ZoneId zone = ZoneId.of(d.zone());
            LocalDate date = LocalDate.parse(d.date());
            // the first one is sent sloppily, at noon to noon, as some phones do: the server makes it midnight to midnight
            Instant start = i == 0 ? date.atTime(12, 0).atZone(zone).toInstant() : date.atStartOfDay(zone).toInstant();
            Instant end = i == 0 ? date.atTime(12, 0).atZone(zone).toInstant() : date.plusDays(d.days()).atStartOfDay(zone).toInstant();
            adds.add(el(AS, "Add", text(AS, "ClientId", "d" + i), el(AS, "ApplicationData",
                    text(CAL, "Timezone", EasTimeZone.encodeBase64(zone, 2026)), text(CAL, "AllDayEvent", "1"),
                    text(CAL, "StartTime", compact(start)), text(CAL, "EndTime", compact(end)), text(CAL, "Subject", "day " + i))));
        }
        Element added = sync(a, calendar, keyA, null, adds.toArray(Element[]::new));
        List<String> ids = responses(added, "Add").stream().map(r -> value(r, AS, "ServerId")).toList();
        Element onB = sync(b, calendar, keyB, null);
        Element onC = sync(c, calendar, keyC, null);
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            for (Element seen : List.of(onB, onC)) {
                Element event = item(seen, "Add", ids.get(i));
                assertEquals("1", field(event, "AllDayEvent").text());
                ZoneId zone = EasTimeZone.decodeBase64(field(event, "Timezone").text(), 2026).orElseThrow();
                Instant start = COMPACT.parse(field(event, "StartTime").text(), Instant::from);
                Instant end = COMPACT.parse(field(event, "EndTime").text(), Instant::from);
                LocalDate date = LocalDate.parse(d.date());
                assertEquals(date.atStartOfDay(zone).toInstant(), start, "starts at midnight of its day: " + d);
                assertEquals(date.plusDays(d.days()).atStartOfDay(zone).toInstant(), end, "ends at midnight after its last day: " + d);
                assertEquals(ZoneId.of(d.zone()).getRules().getOffset(start), zone.getRules().getOffset(start), "same offsets: " + d);
                assertEquals(ZoneId.of(d.zone()).getRules().getOffset(end), zone.getRules().getOffset(end), "same offsets: " + d);
            }
        }
    }

    /** Another user asks when "busy" is free: a weekly meeting with a moved occurrence shows in 30-minute steps. */
    @Test
    void resolveRecipientsAnswersAvailabilityFromTheCalendar() {
        EasClient busy = device("busy", "busy-1", "14.1");
        String calendar = SyncIT.collection(busy, "Calendar");
        String key = key(sync(busy, calendar, "0", null));
        Instant monday = Instant.parse("2026-03-02T08:00:00Z");
        sync(busy, calendar, key, null, el(AS, "Add", text(AS, "ClientId", "b1"), el(AS, "ApplicationData",
                text(CAL, "Timezone", EasTimeZone.encodeBase64(BERLIN, 2026)), text(CAL, "StartTime", compact(monday)),
                text(CAL, "EndTime", compact(monday.plusSeconds(3600))), text(CAL, "Subject", "Weekly"), text(CAL, "BusyStatus", "2"),
                el(CAL, "Recurrence", text(CAL, "Type", "1"), text(CAL, "Interval", "1"), text(CAL, "DayOfWeek", "2")),
                el(CAL, "Exceptions", el(CAL, "Exception", text(CAL, "ExceptionStartTime", compact(monday.plusSeconds(7 * 86400))),
                        text(CAL, "StartTime", compact(monday.plusSeconds(7 * 86400 + 7200))),
                        text(CAL, "EndTime", compact(monday.plusSeconds(7 * 86400 + 9000))), text(CAL, "BusyStatus", "1"))))));
        EasClient asker = device("other", "asker-1", "14.1");
        String rr = "ResolveRecipients:";
        Element answer = asker.post("ResolveRecipients", el(rr, "ResolveRecipients", text(rr, "To", "busy@cal.test"),
                el(rr, "Options", el(rr, "Availability", text(rr, "StartTime", "2026-03-09T06:00:00.000Z"),
                        text(rr, "EndTime", "2026-03-09T12:00:00.000Z"))))).root();
        Element availability = answer.child(Tag.of(rr, "Response")).orElseThrow().child(Tag.of(rr, "Recipient")).orElseThrow()
                .child(Tag.of(rr, "Availability")).orElseThrow();
        assertEquals("1", value(availability, rr, "Status"));
        // 06:00-12:00 UTC on 9 March in half hours: the occurrence moved from 08:00-09:00 to 10:00-10:30, tentative
        assertEquals("000000001000", value(availability, rr, "MergedFreeBusy"));
        Element tooLong = asker.post("ResolveRecipients", el(rr, "ResolveRecipients", text(rr, "To", "busy@cal.test"),
                el(rr, "Options", el(rr, "Availability", text(rr, "StartTime", "2026-03-09T06:00:00.000Z"),
                        text(rr, "EndTime", "2026-06-09T12:00:00.000Z"))))).root();
        assertEquals("5", value(tooLong, rr, "Status"), "more than 42 days");
    }

    static String estimate(EasClient device, String collectionId, String key, String filterType) {
        String ns = "GetItemEstimate:";
        EasClient.Answer answer = device.post("GetItemEstimate", el(ns, "GetItemEstimate", el(ns, "Collections",
                el(ns, "Collection", text(AS, "SyncKey", key), text(ns, "CollectionId", collectionId),
                        el(AS, "Options", text(AS, "FilterType", filterType))))));
        Element response = answer.root().child(Tag.of(ns, "Response")).orElseThrow();
        assertEquals("1", response.childText(Tag.of(ns, "Status")).orElseThrow());
        return response.child(Tag.of(ns, "Collection")).orElseThrow().childText(Tag.of(ns, "Estimate")).orElseThrow();
    }

    @Test
    void aDateWindowSendsRecentAppointmentsAndMovesWithTheFilter() {
        EasClient a = device("window", "window-a", "14.1");
        EasClient b = device("window", "window-b", "14.1");
        String calendar = SyncIT.collection(a, "Calendar");
        String keyA = key(sync(a, calendar, "0", null));
        Instant now = Instant.now();
        Instant old = now.minusSeconds(60L * 86400);
        Instant soon = now.plusSeconds(3 * 86400);
        Element added = sync(a, calendar, keyA, null,
                el(AS, "Add", text(AS, "ClientId", "old"), el(AS, "ApplicationData", text(CAL, "Subject", "Two months ago"),
                        text(CAL, "StartTime", compact(old)), text(CAL, "EndTime", compact(old.plusSeconds(3600))))),
                el(AS, "Add", text(AS, "ClientId", "soon"), el(AS, "ApplicationData", text(CAL, "Subject", "Soon"),
                        text(CAL, "StartTime", compact(soon)), text(CAL, "EndTime", compact(soon.plusSeconds(3600))))),
                el(AS, "Add", text(AS, "ClientId", "daily"), el(AS, "ApplicationData", text(CAL, "Subject", "Every day, forever"),
                        text(CAL, "StartTime", compact(old)), text(CAL, "EndTime", compact(old.plusSeconds(600))),
                        el(CAL, "Recurrence", text(CAL, "Type", "0"), text(CAL, "Interval", "1")))));
        List<String> ids = responses(added, "Add").stream().map(r -> value(r, AS, "ServerId")).toList();

        String keyB = key(sync(b, calendar, "0", "4"));
        Element twoWeeks = sync(b, calendar, keyB, "4");
        assertEquals(List.of(ids.get(1), ids.get(2)), commands(twoWeeks, "Add").stream().map(e -> value(e, AS, "ServerId")).sorted().toList(),
                "the old appointment is outside two weeks; the endless series is not");
        Element replayed = sync(b, calendar, keyB, "4");
        assertEquals(commands(twoWeeks, "Add"), commands(replayed, "Add"), "a repeated key gets identical content");
        keyB = key(twoWeeks);
        assertEquals("0", estimate(b, calendar, keyB, "4"));
        assertEquals("1", estimate(b, calendar, keyB, "0"), "widening would bring the old one");

        Element all = sync(b, calendar, keyB, "0");
        assertEquals(List.of(ids.get(0)), commands(all, "Add").stream().map(e -> value(e, AS, "ServerId")).toList(), "widened: the old one arrives");
        keyB = key(all);
        Element narrowed = sync(b, calendar, keyB, "4");
        assertEquals(List.of(ids.get(0)), commands(narrowed, "SoftDelete").stream().map(e -> value(e, AS, "ServerId")).toList(),
                "narrowed: the old one leaves");
        assertTrue(commands(sync(b, calendar, key(narrowed), "4"), "SoftDelete").isEmpty(), "once");
    }
}
