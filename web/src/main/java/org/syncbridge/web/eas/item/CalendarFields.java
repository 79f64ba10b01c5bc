package org.syncbridge.web.eas.item;

import static org.syncbridge.web.eas.ProtocolVersion.V12_0;
import static org.syncbridge.web.eas.ProtocolVersion.V14_0;
import static org.syncbridge.web.eas.ProtocolVersion.V14_1;
import static org.syncbridge.web.eas.ProtocolVersion.V16_0;
import static org.syncbridge.web.eas.ProtocolVersion.V2_5;
import static org.syncbridge.web.eas.item.ItemField.body;
import static org.syncbridge.web.eas.item.ItemField.compactDate;
import static org.syncbridge.web.eas.item.ItemField.group;
import static org.syncbridge.web.eas.item.ItemField.list;
import static org.syncbridge.web.eas.item.ItemField.records;
import static org.syncbridge.web.eas.item.ItemField.text;
import static org.syncbridge.web.eas.item.ItemField.timeZone;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * The Calendar class (MS-ASCAL). Times are instants (compact form on the wire); the time zone is stored as
 * an IANA id. A recurrence is stored as "recurrence.*" with MS-ASCAL's values; attendees and exceptions as
 * lists of objects, an exception keyed by the original start of its occurrence ("exceptionStartTime",
 * ExceptionStartTime up to 14.1, AirSyncBase InstanceId from 16.0). The location is Calendar Location up to
 * 14.1 and AirSyncBase Location's DisplayName (with its address parts) from 16.0.
 */
public final class CalendarFields {
    private static final String C = "Calendar:";
    private static final String B = "AirSyncBase:";

    private static final ItemField ATTENDEES = records(C, "Attendees", "Attendee", V2_5,
            text(C, "Email", V2_5), text(C, "Name", V2_5), text(C, "AttendeeStatus", V12_0), text(C, "AttendeeType", V12_0));

    /** The location: one property for both forms. */
    private static final List<ItemField> LOCATION = List.of(
            text(C, "Location", V2_5).until(V14_1),
            new ItemField(Tag.of(B, "Location"), "", ItemField.Kind.GROUP, V16_0, null, null,
                    Stream.of("DisplayName", "Annotation", "Street", "City", "State", "Country", "PostalCode", "Latitude",
                            "Longitude", "Accuracy", "Altitude", "AltitudeAccuracy", "LocationUri")
                            .map(n -> text(B, n, V16_0).as(n.equals("DisplayName") ? "location" : "location" + n)).toList()));

    /** What an occurrence may differ in from its series. */
    private static final List<ItemField> OCCURRENCE = List.of(
            text(C, "AllDayEvent", V2_5), text(C, "BusyStatus", V2_5), list(C, "Categories", "Category", V2_5),
            compactDate(C, "DtStamp", V2_5), compactDate(C, "EndTime", V2_5), text(C, "MeetingStatus", V2_5),
            text(C, "Reminder", V2_5), text(C, "Sensitivity", V2_5), compactDate(C, "StartTime", V2_5),
            text(C, "Subject", V2_5), ATTENDEES, compactDate(C, "AppointmentReplyTime", V14_0),
            text(C, "ResponseType", V14_0), text(C, "OnlineMeetingConfLink", V14_1), text(C, "OnlineMeetingExternalLink", V14_1));

    public static final List<ItemField> TABLE = table();

    /** Appointments carry their note as AirSyncBase Body from 12.0 (as Calendar Body in 2.5). */
    public static final ProtocolVersion BODY_SINCE = V12_0;

    /**
     * The top-level elements MS-ASCAL says "can be ghosted" (2.2.2.2, .4, .7.1, .17, .28, .33–.36, .39, .40); Location
     * cannot (2.2.2.27). From 16.0 every top-level element a Change leaves out is ghosted (3.1.5.3).
     */
    public static final ItemCodec.Ghosting GHOSTING = new ItemCodec.Ghosting(Set.of(Tag.of(C, "AppointmentReplyTime"),
            Tag.of(C, "Attendees"), Tag.of(B, "Body"), Tag.of(C, "DisallowNewTimeProposal"), Tag.of(C, "MeetingStatus"),
            Tag.of(C, "OnlineMeetingConfLink"), Tag.of(C, "OnlineMeetingExternalLink"), Tag.of(C, "OrganizerEmail"),
            Tag.of(C, "OrganizerName"), Tag.of(C, "ResponseRequested"), Tag.of(C, "ResponseType")), V16_0);

    private CalendarFields() {
    }

    private static List<ItemField> table() {
        List<ItemField> exception = new ArrayList<>(OCCURRENCE);
        exception.addAll(LOCATION);
        exception.add(text(C, "Deleted", V2_5));
        exception.add(compactDate(C, "ExceptionStartTime", V2_5).until(V14_1));
        exception.add(compactDate(B, "InstanceId", V16_0).as("exceptionStartTime"));
        exception.add(body(V12_0));
        exception.add(text(C, "Body", V2_5).until(V2_5).as("body"));

        List<ItemField> table = new ArrayList<>(OCCURRENCE);
        table.addAll(LOCATION);
        table.addAll(List.of(
                timeZone(C, "Timezone", V2_5).as("timeZone"), text(C, "OrganizerEmail", V2_5), text(C, "OrganizerName", V2_5),
                text(C, "UID", V2_5).as("uid"), text(C, "ClientUid", V16_0), text(C, "ResponseRequested", V14_0),
                text(C, "DisallowNewTimeProposal", V14_0),
                group(C, "Recurrence", V2_5, text(C, "Type", V2_5), text(C, "Occurrences", V2_5), text(C, "Interval", V2_5),
                        text(C, "WeekOfMonth", V2_5), text(C, "DayOfWeek", V2_5), text(C, "MonthOfYear", V2_5),
                        compactDate(C, "Until", V2_5), text(C, "DayOfMonth", V2_5), text(C, "CalendarType", V14_0),
                        text(C, "IsLeapMonth", V14_0), text(C, "FirstDayOfWeek", V14_1)),
                records(C, "Exceptions", "Exception", V2_5, exception.toArray(ItemField[]::new)),
                text(C, "Body", V2_5).until(V2_5).as("body")));
        return List.copyOf(table);
    }
}
