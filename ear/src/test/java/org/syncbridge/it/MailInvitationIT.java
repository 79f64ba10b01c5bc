package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.MailView.ASB;
import static org.syncbridge.it.MailView.E;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.child;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.options;
import static org.syncbridge.it.MailView.value;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * An iMIP invitation as Exchange sends it (multipart/alternative with a text/calendar part, method REQUEST,
 * Windows time zone names) reaches the phone as a meeting request: MessageClass IPM.Schedule.Meeting.Request
 * and the Email MeetingRequest block (MS-ASEMAIL 2.2.2.48) the phone answers with MeetingResponse.
 */
@Tag("mail")
class MailInvitationIT extends ServerIT {
    static final String CONTEXT = "mailinvite.test";
    static final String LOGIN = "invited@" + CONTEXT;
    static final String PASSWORD = "Mail-invite-pw-1";
    static final String SUBJECT = "Projektbesprechung Q1";
    /** The fixture's UID: an Outlook GlobalObjectId, hex encoded (MS-OXCICAL 2.1.3.1.1.20.26). */
    static final String UID = "040000008200E00074C5B7101A82E00800000000B0F5B5A1E049DC01000000000000000010000000C7A4B1E3F2D14B40A1B2C3D4E5F60718";

    @BeforeEach
    void invitationDelivered() throws Exception {
        usersExist(CONTEXT, "", PASSWORD, "invited");
        synchronized (MailInvitationIT.class) {
            if (TestMail.subjects(LOGIN, "INBOX").isEmpty()) {
                TestMail.deliver(LOGIN, TestMail.fixture("invitation-exchange.eml"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void anExchangeInvitationCarriesTheMeetingRequest(String version) {
        EasClient phone = phone(LOGIN, PASSWORD, "invite-" + version.replace(".", ""), "iPhone", version);
        MailView inbox = new MailView(phone, MailView.folder(phone, "Inbox"), options(filterType("0"), bodyPreference(2, 5000L))).start();
        inbox.syncUntilDone(25, 2);
        Element mail = inbox.bySubject(SUBJECT);
        assertEquals("IPM.Schedule.Meeting.Request", value(mail, E, "MessageClass").orElseThrow());
        assertEquals("urn:content-classes:calendarmessage", value(mail, E, "ContentClass").orElseThrow());

        Element request = child(mail, E, "MeetingRequest");
        assertEquals("2026-01-15T09:00:00.000Z", value(request, E, "StartTime").orElseThrow(), "10:00 W. Europe Standard Time in January");
        assertEquals("2026-01-15T10:30:00.000Z", value(request, E, "EndTime").orElseThrow());
        assertEquals("2025-11-10T09:12:44.000Z", value(request, E, "DtStamp").orElseThrow());
        assertEquals("0", value(request, E, "AllDayEvent").orElse("0"));
        assertEquals("0", value(request, E, "InstanceType").orElseThrow(), "a single meeting");
        assertEquals("900", value(request, E, "Reminder").orElseThrow(), "15 minutes, in seconds (MS-ASEMAIL 2.2.2.63)");
        assertEquals("1", value(request, E, "ResponseRequested").orElseThrow(), "RSVP=TRUE");
        assertEquals("0", value(request, E, "Sensitivity").orElseThrow(), "CLASS:PUBLIC");
        assertTrue(value(request, E, "Organizer").orElseThrow().contains("erika.mustermann@example.com"), request.toString());
        String location = version.startsWith("16")
                ? value(child(request, ASB, "Location"), ASB, "DisplayName").orElseThrow()
                : value(request, E, "Location").orElseThrow();
        assertEquals("Raum 4.12, München", location);
        if (version.startsWith("16")) {
            assertEquals(UID, value(request, "Calendar:", "UID").orElseThrow(), "16.x names the meeting by calendar:UID");
        } else {
            assertEquals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(UID)), value(request, E, "GlobalObjId").orElseThrow(),
                    "an Outlook UID is the GlobalObjId, hex encoded (MS-ASEMAIL 4.3)");
        }
        if (!version.equals("12.1")) {
            assertEquals("1", value(request, "Email2:", "MeetingMessageType").orElseThrow(), "an initial meeting request");
        }

        ByteBuffer zone = ByteBuffer.wrap(Base64.getDecoder().decode(value(request, E, "TimeZone").orElseThrow())).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(172, zone.capacity(), "TIME_ZONE_INFORMATION");
        assertEquals(-60, zone.getInt(0), "Bias of UTC+1");
        assertEquals(10, zone.getShort(70), "standard time from October");
        assertEquals(0, zone.getInt(84), "StandardBias");
        assertEquals(3, zone.getShort(154), "daylight time from March");
        assertEquals(-60, zone.getInt(168), "DaylightBias");
    }
}
