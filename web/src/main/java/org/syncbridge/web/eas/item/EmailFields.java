package org.syncbridge.web.eas.item;

import static org.syncbridge.web.eas.ProtocolVersion.V12_0;
import static org.syncbridge.web.eas.ProtocolVersion.V14_0;
import static org.syncbridge.web.eas.ProtocolVersion.V14_1;
import static org.syncbridge.web.eas.ProtocolVersion.V16_0;
import static org.syncbridge.web.eas.ProtocolVersion.V2_5;
import static org.syncbridge.web.eas.item.ItemField.compactDate;
import static org.syncbridge.web.eas.item.ItemField.date;
import static org.syncbridge.web.eas.item.ItemField.group;
import static org.syncbridge.web.eas.item.ItemField.list;
import static org.syncbridge.web.eas.item.ItemField.of;
import static org.syncbridge.web.eas.item.ItemField.opaque;
import static org.syncbridge.web.eas.item.ItemField.records;
import static org.syncbridge.web.eas.item.ItemField.text;
import static org.syncbridge.web.eas.item.ItemField.timeZone;
import static org.syncbridge.web.eas.item.ItemField.wrappedList;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * The Email class (MS-ASEMAIL, MS-ASAIRS) over the property names of {@link EmailProperties}. The body is the
 * ChosenBody the mail store picked for the client, as AirSyncBase Body from 12.0 and in 2.5's own Email elements
 * before; the message part, when the client asked for it, as AirSyncBase BodyPart from 14.1; attachments likewise (MailAttachment records; 2.5's AttName is the file reference). The meeting request is
 * stored as "meetingRequest.*" (its times as instants, its Until in the compact form on the wire, its recurrences a
 * list of maps); it names its meeting by GlobalObjId up to 14.1 and by calendar:UID from 16.0, and its location as
 * Email Location up to 14.1 and AirSyncBase Location from 16.0.
 */
public final class EmailFields {
    private static final String E = "Email:";
    private static final String E2 = "Email2:";
    private static final String B = "AirSyncBase:";

    private static final ItemField ATTACHMENTS = records(B, "Attachments", "Attachment", V12_0,
            text(B, "DisplayName", V12_0), text(B, "FileReference", V12_0), text(B, "Method", V12_0),
            text(B, "EstimatedDataSize", V12_0).as("estimatedSize"), text(B, "ContentId", V12_0),
            text(B, "ContentLocation", V12_0), text(B, "IsInline", V12_0).as("inline"));

    private static final ItemField ATTACHMENTS_25 = records(E, "Attachments", "Attachment", V2_5,
            text(E, "AttName", V2_5).as("fileReference"), text(E, "AttSize", V2_5).as("estimatedSize"),
            text(E, "AttMethod", V2_5).as("method"), text(E, "DisplayName", V2_5)).until(V2_5);

    private static final ItemField MEETING_REQUEST = group(E, "MeetingRequest", V2_5,
            text(E, "AllDayEvent", V2_5), date(E, "StartTime", V2_5), date(E, "DtStamp", V2_5), date(E, "EndTime", V2_5),
            text(E, "InstanceType", V2_5), text(E, "Location", V2_5).until(V14_1),
            new ItemField(Tag.of(B, "Location"), "", ItemField.Kind.GROUP, V16_0, null, null,
                    Stream.of("DisplayName", "Annotation", "Street", "City", "State", "Country", "PostalCode", "Latitude",
                                    "Longitude", "Accuracy", "Altitude", "AltitudeAccuracy", "LocationUri")
                            .map(n -> text(B, n, V16_0).as(n.equals("DisplayName") ? "location" : "location" + n)).toList()),
            text(E, "Organizer", V2_5), date(E, "RecurrenceId", V2_5), text(E, "Reminder", V2_5),
            text(E, "ResponseRequested", V2_5),
            records(E, "Recurrences", "Recurrence", V2_5, text(E, "Type", V2_5), text(E, "Interval", V2_5),
                    compactDate(E, "Until", V2_5), text(E, "Occurrences", V2_5), text(E, "WeekOfMonth", V2_5),
                    text(E, "DayOfMonth", V2_5), text(E, "DayOfWeek", V2_5), text(E, "MonthOfYear", V2_5),
                    text(E2, "CalendarType", V14_0), text(E2, "IsLeapMonth", V14_0), text(E2, "FirstDayOfWeek", V14_1)),
            text(E, "Sensitivity", V2_5), text(E, "BusyStatus", V2_5), timeZone(E, "TimeZone", V2_5),
            text(E, "GlobalObjId", V2_5).until(V14_1), text(E, "DisallowNewTimeProposal", V14_0),
            text(E2, "MeetingMessageType", V14_1), text("Calendar:", "UID", V16_0).as("uid"));

    /** What the server sends of a mail, in the order Exchange writes it. */
    public static final List<ItemField> TABLE = List.of(
            text(E, "To", V2_5), text(E, "Cc", V2_5), text(E, "From", V2_5), text(E, "Subject", V2_5),
            text(E, "ReplyTo", V2_5), date(E, "DateReceived", V2_5), text(E, "DisplayTo", V2_5),
            text(E, "ThreadTopic", V2_5), text(E, "Importance", V2_5), text(E, "Read", V2_5),
            ATTACHMENTS_25, ATTACHMENTS,
            of(E, "Body", ItemField.Kind.CHOSEN_BODY_25, V2_5).until(V2_5), of(B, "Body", ItemField.Kind.CHOSEN_BODY, V12_0),
            of(B, "BodyPart", ItemField.Kind.CHOSEN_BODY_PART, V14_1),
            text(E, "MessageClass", V2_5), MEETING_REQUEST, text(E, "InternetCPID", V2_5),
            of(E, "Flag", ItemField.Kind.FLAG, V12_0).as(EmailProperties.FLAG_STATUS), text(E, "ContentClass", V12_0),
            text(B, "NativeBodyType", V12_0), list(E, "Categories", "Category", V14_0),
            opaque(E2, "ConversationId", V14_0), opaque(E2, "ConversationIndex", V14_0), text(E2, "LastVerbExecuted", V14_0),
            text(E2, "ReceivedAsBcc", V14_0), text(E2, "Sender", V14_0), text(E2, "IsDraft", V16_0), text(E2, "Bcc", V16_0));

    /** What a phone may change on a mail it received; anything else in its Change (phones echo fields) is not read. */
    public static final Set<String> CHANGEABLE = Set.of(EmailProperties.READ, EmailProperties.FLAG_STATUS, EmailProperties.CATEGORIES);

    /** The fields a phone's Change of a received mail is read through. */
    public static final List<ItemField> CHANGE = only(CHANGEABLE);

    /**
     * What a 16.0 phone writes of a draft (Add or Change in Drafts), besides what it may change on any mail: the
     * body as plain text, and the attachments it adds (with their content) and removes (by FileReference).
     */
    public static final List<ItemField> DRAFT = draft();

    private EmailFields() {
    }

    private static List<ItemField> only(Set<String> properties) {
        return TABLE.stream().filter(f -> properties.contains(f.property())).toList();
    }

    private static List<ItemField> draft() {
        List<ItemField> draft = new ArrayList<>(only(Set.of(EmailProperties.TO, EmailProperties.CC, EmailProperties.BCC,
                EmailProperties.SUBJECT, EmailProperties.IMPORTANCE, EmailProperties.BODY)));
        draft.addAll(CHANGE);
        draft.add(records(B, "Attachments", "Add", V16_0, text(B, "ClientId", V16_0), text(B, "Method", V16_0),
                text(B, "ContentType", V16_0), opaque(B, "Content", V16_0), text(B, "DisplayName", V16_0),
                text(B, "ContentId", V16_0), text(B, "ContentLocation", V16_0), text(B, "IsInline", V16_0))
                .as(EmailProperties.ATTACHMENTS_ADDED));
        draft.add(wrappedList(B, "Attachments", "Delete", text(B, "FileReference", V16_0), V16_0)
                .as(EmailProperties.ATTACHMENTS_DELETED));
        return List.copyOf(draft);
    }
}
