package org.syncbridge.web.eas.item;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.syncbridge.web.eas.ProtocolVersion.V12_1;
import static org.syncbridge.web.eas.ProtocolVersion.V14_1;
import static org.syncbridge.web.eas.ProtocolVersion.V16_1;
import static org.syncbridge.web.eas.ProtocolVersion.V2_5;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncbridge.mail.message.BodyType;
import org.syncbridge.mail.message.ChosenBody;
import org.syncbridge.mail.message.ChosenBodyPart;
import org.syncbridge.mail.message.MailAttachment;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.timezone.EasTimeZone;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Libwbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/** A realistic mail through the Email table, in each version's forms, read back by the codec's decoder and by libwbxml. */
class EmailCodecTest {
    static final Tag APPLICATION_DATA = Tag.of("AirSync:", "ApplicationData");
    static final byte[] CONVERSATION_ID = {0x3c, 0x00, (byte) 0xa1, 0x7f, (byte) 0xff, 0x10, 0x22, 0x00, 0x5e, 0x71, (byte) 0x80, 0x01, 0x02, 0x03, 0x04, 0x05};
    static final byte[] CONVERSATION_INDEX = {0x01, (byte) 0xd8, 0x5a, 0x3b, 0x4c, 0x00, 0x00, 0x12, 0x34, 0x56};
    static final String SUBJECT = "Einladung: Größenplanung – 会議 📅";
    static final String HTML = "<html><body><p>Grüße aus Köln – 会議の件</p></body></html>";

    final ItemCodec email = ItemCodecs.of(ItemClass.EMAIL);

    @TempDir
    Path work;

    /** What the mail store hands over for an invitation with two attachments, its body chosen for the client. */
    static Map<String, Object> invitation(ChosenBody body) {
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("to", "\"Jürgen Groß\" <juergen@example.org>, \"Zoë Ölçer\" <zoe@example.org>");
        mail.put("cc", "\"李雷\" <li@example.cn>");
        mail.put("from", "\"Ana Núñez\" <ana@example.es>");
        mail.put("replyTo", "\"Ana Núñez\" <ana.reply@example.es>");
        mail.put("sender", "\"Assistenz\" <assistant@example.es>");
        mail.put("bcc", "\"Verborgen\" <hidden@example.org>");
        mail.put("subject", SUBJECT);
        mail.put("threadTopic", "Größenplanung – 会議 📅");
        mail.put("dateReceived", "2026-11-20T08:15:30Z");
        mail.put("displayTo", "Jürgen Groß; Zoë Ölçer");
        mail.put("importance", "2");
        mail.put("read", "0");
        mail.put("flagStatus", "2");
        mail.put("categories", List.of("Rot", "Projekt Ω"));
        mail.put("messageClass", "IPM.Schedule.Meeting.Request");
        mail.put("contentClass", "urn:content-classes:calendarmessage");
        mail.put("internetCPID", "65001");
        mail.put("nativeBodyType", "2");
        mail.put("conversationId", CONVERSATION_ID);
        mail.put("conversationIndex", CONVERSATION_INDEX);
        mail.put("lastVerbExecuted", "1");
        mail.put("receivedAsBcc", "0");
        mail.put("isDraft", "0");
        mail.put("body", body);
        mail.put("attachments", List.of(
                new MailAttachment("7:42:2", "Präsentation Q4 – 会議.pdf", 123_456, 1, null, null, false, "application/pdf"),
                new MailAttachment("7:42:3", "logo.png", 2_048, 1, "logo.7f3a@example.es", "logo.png", true, "image/png")));
        mail.put("meetingRequest.allDayEvent", "0");
        mail.put("meetingRequest.startTime", "2026-12-01T08:00:00Z");
        mail.put("meetingRequest.endTime", "2026-12-01T09:30:00Z");
        mail.put("meetingRequest.dtStamp", "2026-11-20T08:00:00Z");
        mail.put("meetingRequest.instanceType", "1");
        mail.put("meetingRequest.location", "Besprechungsraum „Dom“");
        mail.put("meetingRequest.organizer", "\"Ana Núñez\" <ana@example.es>");
        mail.put("meetingRequest.reminder", "15");
        mail.put("meetingRequest.responseRequested", "1");
        mail.put("meetingRequest.recurrences", List.of(Map.of("type", "1", "interval", "1", "dayOfWeek", "4",
                "until", "2027-03-02T08:00:00Z", "firstDayOfWeek", "1")));
        mail.put("meetingRequest.sensitivity", "0");
        mail.put("meetingRequest.busyStatus", "1");
        mail.put("meetingRequest.timeZone", "Europe/Berlin");
        mail.put("meetingRequest.globalObjId", "BAAAAIIA4AB0xbcQGoLgCAAAAAAAAAAAAAAAAAAAAAAAAAAAMwAAAHZDYWwtVWlkAQAAAGFiYzEyMwA=");
        mail.put("meetingRequest.uid", "abc123");
        mail.put("meetingRequest.disallowNewTimeProposal", "0");
        mail.put("meetingRequest.meetingMessageType", "1");
        return mail;
    }

    static ChosenBody html() {
        byte[] utf8 = HTML.getBytes(StandardCharsets.UTF_8);
        return new ChosenBody(BodyType.HTML, 5_000, true, utf8, "Grüße aus Köln – 会議の件");
    }

    static ChosenBody plain() {
        byte[] utf8 = "Grüße aus Köln".getBytes(StandardCharsets.UTF_8);
        return new ChosenBody(BodyType.PLAIN, 900, true, utf8, null);
    }

    byte[] bytes(Map<String, Object> properties, ProtocolVersion version) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WbxmlWriter out = new WbxmlWriter(bytes);
        out.start(APPLICATION_DATA);
        email.write(out, properties, version);
        out.end().finish();
        return bytes.toByteArray();
    }

    static Element decode(byte[] wbxml) throws Exception {
        return new WbxmlDecoder().decode(new ByteArrayInputStream(wbxml));
    }

    Element written(Map<String, Object> properties, ProtocolVersion version) throws Exception {
        return decode(bytes(properties, version));
    }

    static List<String> names(Element parent) {
        return parent.children().stream().map(c -> c.tag().toString()).toList();
    }

    static Element child(Element parent, String namespace, String name) {
        return parent.child(Tag.of(namespace, name)).orElseThrow(() -> new AssertionError("no " + namespace + name + " in " + parent));
    }

    @Test
    void eachVersionGetsTheElementsItKnowsInTheirOrder() throws Exception {
        Map<String, Object> html = invitation(html());
        assertEquals(List.of("Email:To", "Email:Cc", "Email:From", "Email:Subject", "Email:ReplyTo", "Email:DateReceived",
                "Email:DisplayTo", "Email:ThreadTopic", "Email:Importance", "Email:Read", "Email:Attachments",
                "Email:BodyTruncated", "Email:BodySize", "Email:Body", "Email:MessageClass", "Email:MeetingRequest",
                "Email:InternetCPID"), names(written(invitation(plain()), V2_5)));
        List<String> v12 = List.of("Email:To", "Email:Cc", "Email:From", "Email:Subject", "Email:ReplyTo", "Email:DateReceived",
                "Email:DisplayTo", "Email:ThreadTopic", "Email:Importance", "Email:Read", "AirSyncBase:Attachments",
                "AirSyncBase:Body", "Email:MessageClass", "Email:MeetingRequest", "Email:InternetCPID", "Email:Flag",
                "Email:ContentClass", "AirSyncBase:NativeBodyType");
        assertEquals(v12, names(written(html, V12_1)));
        List<String> v14 = new ArrayList<>(v12);
        v14.addAll(List.of("Email:Categories", "Email2:ConversationId", "Email2:ConversationIndex", "Email2:LastVerbExecuted",
                "Email2:ReceivedAsBcc", "Email2:Sender"));
        assertEquals(v14, names(written(html, V14_1)));
        List<String> v16 = new ArrayList<>(v14);
        v16.addAll(List.of("Email2:IsDraft", "Email2:Bcc"));
        assertEquals(v16, names(written(html, V16_1)));
    }

    @Test
    void theMeetingRequestNamesItsMeetingAndPlaceAsEachVersionDoes() throws Exception {
        Map<String, Object> mail = invitation(html());
        List<String> common = List.of("Email:AllDayEvent", "Email:StartTime", "Email:DtStamp", "Email:EndTime", "Email:InstanceType");
        List<String> middle = List.of("Email:Organizer", "Email:Reminder", "Email:ResponseRequested", "Email:Recurrences",
                "Email:Sensitivity", "Email:BusyStatus", "Email:TimeZone");
        assertEquals(concat(common, List.of("Email:Location"), middle, List.of("Email:GlobalObjId")),
                names(child(written(invitation(plain()), V2_5), "Email:", "MeetingRequest")));
        assertEquals(concat(common, List.of("Email:Location"), middle,
                        List.of("Email:GlobalObjId", "Email:DisallowNewTimeProposal", "Email2:MeetingMessageType")),
                names(child(written(mail, V14_1), "Email:", "MeetingRequest")));
        Element v16 = child(written(mail, V16_1), "Email:", "MeetingRequest");
        assertEquals(concat(common, List.of("AirSyncBase:Location"), middle,
                List.of("Email:DisallowNewTimeProposal", "Email2:MeetingMessageType", "Calendar:UID")), names(v16));
        assertEquals("Besprechungsraum „Dom“", child(child(v16, "AirSyncBase:", "Location"), "AirSyncBase:", "DisplayName").text());
        assertEquals("abc123", child(v16, "Calendar:", "UID").text());
    }

    @Test
    void meetingTimesAreEasDatesTheUntilCompactTheZoneAnMsAsDtypeBlob() throws Exception {
        Element request = child(written(invitation(html()), V14_1), "Email:", "MeetingRequest");
        assertEquals("2026-12-01T08:00:00.000Z", child(request, "Email:", "StartTime").text());
        assertEquals("2026-12-01T09:30:00.000Z", child(request, "Email:", "EndTime").text());
        assertEquals("2026-11-20T08:00:00.000Z", child(request, "Email:", "DtStamp").text());
        Element recurrence = child(child(request, "Email:", "Recurrences"), "Email:", "Recurrence");
        assertEquals("20270302T080000Z", child(recurrence, "Email:", "Until").text());
        assertEquals("1", child(recurrence, "Email2:", "FirstDayOfWeek").text());
        assertEquals("Europe/Berlin", EasTimeZone.decodeBase64(child(request, "Email:", "TimeZone").text(), 2026).orElseThrow().getId());
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        Map<String, Object> mail = invitation(html());
        Map<String, Object> read = email.read(written(mail, V16_1), V16_1);
        for (String name : List.of("to", "cc", "from", "replyTo", "sender", "bcc", "subject", "threadTopic", "dateReceived",
                "displayTo", "importance", "read", "flagStatus", "categories", "messageClass", "contentClass", "internetCPID",
                "nativeBodyType", "lastVerbExecuted", "receivedAsBcc", "isDraft", "meetingRequest.startTime",
                "meetingRequest.location", "meetingRequest.timeZone", "meetingRequest.recurrences", "meetingRequest.uid")) {
            assertEquals(mail.get(name), read.get(name), name);
        }
        assertArrayEquals(CONVERSATION_ID, (byte[]) read.get("conversationId"), "opaque, NUL bytes and all");
        assertArrayEquals(CONVERSATION_INDEX, (byte[]) read.get("conversationIndex"));
        assertEquals(HTML, read.get("body"));
        assertEquals(List.of(
                Map.of("displayName", "Präsentation Q4 – 会議.pdf", "fileReference", "7:42:2", "method", "1", "estimatedSize", "123456",
                        "inline", "0"),
                Map.of("displayName", "logo.png", "fileReference", "7:42:3", "method", "1", "estimatedSize", "2048",
                        "contentId", "logo.7f3a@example.es", "contentLocation", "logo.png", "inline", "1")), read.get("attachments"));
    }

    @Test
    void theChosenBodyGoesWithItsTypeSizeCutAndPreviewFrom14() throws Exception {
        Element body = child(written(invitation(html()), V14_1), "AirSyncBase:", "Body");
        assertEquals(List.of("AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated", "AirSyncBase:Data",
                "AirSyncBase:Preview"), names(body));
        assertEquals("2", child(body, "AirSyncBase:", "Type").text());
        assertEquals("5000", child(body, "AirSyncBase:", "EstimatedDataSize").text());
        assertEquals("1", child(body, "AirSyncBase:", "Truncated").text());
        assertEquals(HTML, child(body, "AirSyncBase:", "Data").text());
        assertEquals("Grüße aus Köln – 会議の件", child(body, "AirSyncBase:", "Preview").text());
        assertFalse(child(written(invitation(html()), V12_1), "AirSyncBase:", "Body").child(Tag.of("AirSyncBase:", "Preview")).isPresent(),
                "Preview from 14.0");

        Map<String, Object> allOrNone = invitation(new ChosenBody(BodyType.HTML, 300_000, true, null, null));
        Element empty = child(written(allOrNone, V14_1), "AirSyncBase:", "Body");
        assertEquals(List.of("AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated"), names(empty),
                "AllOrNone left no data");
    }

    static ChosenBodyPart part() {
        byte[] utf8 = "<html><body><p>Grüße – 会議</p></body></html>".getBytes(StandardCharsets.UTF_8);
        return new ChosenBodyPart(ChosenBodyPart.Status.OK, new ChosenBody(BodyType.HTML, 77, true, utf8, "Grüße – 会議"));
    }

    @Test
    void theMessagePartGoesAsBodyPartFrom141AfterTheBody() throws Exception {
        Map<String, Object> mail = invitation(html());
        mail.put("bodyPart", part());
        List<String> v14 = names(written(mail, V14_1));
        assertEquals(v14.indexOf("AirSyncBase:Body") + 1, v14.indexOf("AirSyncBase:BodyPart"), v14.toString());
        Element part = child(written(mail, V16_1), "AirSyncBase:", "BodyPart");
        assertEquals(List.of("AirSyncBase:Status", "AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated",
                "AirSyncBase:Data", "AirSyncBase:Preview"), names(part), "MS-ASAIRS 2.2.2.10's order");
        assertEquals("1", child(part, "AirSyncBase:", "Status").text());
        assertEquals("2", child(part, "AirSyncBase:", "Type").text());
        assertEquals("77", child(part, "AirSyncBase:", "EstimatedDataSize").text());
        assertEquals("1", child(part, "AirSyncBase:", "Truncated").text());
        assertEquals("<html><body><p>Grüße – 会議</p></body></html>", child(part, "AirSyncBase:", "Data").text());
        assertEquals("Grüße – 会議", child(part, "AirSyncBase:", "Preview").text());
        for (ProtocolVersion older : List.of(V2_5, V12_1)) {
            assertFalse(names(written(mail, older)).contains("AirSyncBase:BodyPart"), "no BodyPart in " + older);
        }
        assertFalse(email.read(written(mail, V14_1), V14_1).containsKey("bodyPart"), "a BodyPart is never read from a client");

        mail.put("bodyPart", new ChosenBodyPart(ChosenBodyPart.Status.TOO_LARGE, new ChosenBody(BodyType.HTML, 3_000_000, true, null, null)));
        Element tooLarge = child(written(mail, V14_1), "AirSyncBase:", "BodyPart");
        assertEquals(List.of("AirSyncBase:Status", "AirSyncBase:Type", "AirSyncBase:EstimatedDataSize", "AirSyncBase:Truncated"),
                names(tooLarge));
        assertEquals("176", child(tooLarge, "AirSyncBase:", "Status").text());
    }

    @Test
    void version25CarriesPlainTextInItsOwnBodyAndAttachments() throws Exception {
        Element data = written(invitation(plain()), V2_5);
        assertEquals("Grüße aus Köln", child(data, "Email:", "Body").text());
        assertEquals("1", child(data, "Email:", "BodyTruncated").text());
        assertEquals("900", child(data, "Email:", "BodySize").text());
        Element attachment = child(data, "Email:", "Attachments").children().get(0);
        assertEquals(List.of("Email:AttName", "Email:AttSize", "Email:AttMethod", "Email:DisplayName"), names(attachment));
        assertEquals("7:42:2", child(attachment, "Email:", "AttName").text(), "AttName is what GetAttachment fetches by");
        assertEquals("123456", child(attachment, "Email:", "AttSize").text());

        Map<String, Object> whole = invitation(new ChosenBody(BodyType.PLAIN, 14, false, "Kurz und gut.".getBytes(StandardCharsets.UTF_8), null));
        Element uncut = written(whole, V2_5);
        assertEquals("0", child(uncut, "Email:", "BodyTruncated").text());
        assertFalse(uncut.child(Tag.of("Email:", "BodySize")).isPresent(), "BodySize only with a cut body");
        assertEquals("Grüße aus Köln", email.read(data, V2_5).get("body"));
    }

    /** Latin-1 8-bit MIME, CR LF and all: a String would alter it; the wire must carry the very bytes. */
    @Test
    void mimeReachesTheWireByteForByte() throws Exception {
        byte[] mime = ("From: =?ISO-8859-1?Q?J=FCrgen?= <j@example.org>\r\nSubject: Gr\u00fc\u00dfe\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nK\u00f6ln, \u00e9t\u00e9 \u00a7 1\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ChosenBody chosen = new ChosenBody(BodyType.MIME, mime.length, false, mime, null);

        byte[] v14 = bytes(invitation(chosen), V14_1);
        assertTrue(contains(v14, concat(new byte[] {0x4B, 0x03}, mime, new byte[] {0x00, 0x01})),
                "AirSyncBase Data (0x4B) holds the MIME as an inline string, unchanged");
        assertEquals("4", child(child(decode(v14), "AirSyncBase:", "Body"), "AirSyncBase:", "Type").text());

        byte[] v25 = bytes(invitation(chosen), V2_5);
        assertTrue(contains(v25, concat(new byte[] {0x76, 0x03}, mime, new byte[] {0x00, 0x01})), "2.5 MIMEData (0x76) likewise");
        Element data = decode(v25);
        assertEquals("0", child(data, "Email:", "MIMETruncated").text());
        assertEquals(String.valueOf(mime.length), child(data, "Email:", "MIMESize").text());
        assertFalse(data.child(Tag.of("Email:", "Body")).isPresent());

        byte[] binary = concat(mime, new byte[] {0x00, 0x42});
        byte[] withNul = bytes(invitation(new ChosenBody(BodyType.MIME, binary.length, false, binary, null)), V14_1);
        assertArrayEquals(binary, child(child(decode(withNul), "AirSyncBase:", "Body"), "AirSyncBase:", "Data").bytes(),
                "a NUL, which no string holds, sends the MIME as opaque data, still unaltered");
    }

    @Test
    void aClearedFlagIsAnEmptyFlagASetOneNamesStatusAndType() throws Exception {
        Map<String, Object> mail = invitation(html());
        mail.put("flagStatus", "0");
        byte[] cleared = bytes(mail, V12_1);
        Element flag = child(decode(cleared), "Email:", "Flag");
        assertTrue(flag.children().isEmpty() && !flag.hasText(), "<Flag/>");
        assertEquals("0", email.read(decode(cleared), V12_1).get("flagStatus"));

        for (String status : List.of("1", "2")) {
            mail.put("flagStatus", status);
            Element set = child(written(mail, V12_1), "Email:", "Flag");
            assertEquals(List.of("Email:Status", "Email:FlagType"), names(set));
            assertEquals(status, child(set, "Email:", "Status").text());
            assertEquals(MailElements.FOLLOW_UP, child(set, "Email:", "FlagType").text());
            assertEquals(status, email.read(written(mail, V12_1), V12_1).get("flagStatus"));
        }
    }

    /** Debian's libwbxml reads every version's mail as the codec's own decoder does. */
    @Test
    void libwbxmlReadsEveryVersionsMailAsTheDecoderDoes() throws Exception {
        assumeTrue(Libwbxml.installed(), "Debian's libwbxml2-utils is not installed");
        Libwbxml libwbxml = new Libwbxml();
        byte[] mime = "Subject: Gr\u00fc\u00dfe\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nK\u00f6ln\r\n".getBytes(StandardCharsets.UTF_8);
        Map<ProtocolVersion, ChosenBody> bodies = Map.of(V2_5, plain(), V12_1, html(), V14_1,
                new ChosenBody(BodyType.MIME, mime.length, false, mime, null), V16_1, html());
        for (Map.Entry<ProtocolVersion, ChosenBody> version : bodies.entrySet()) {
            Map<String, Object> mail = invitation(version.getValue());
            mail.put("bodyPart", part());
            byte[] wbxml = bytes(mail, version.getKey());
            Path file = Files.write(work.resolve("mail-" + version.getKey() + ".wbxml"), wbxml);
            assertEquals(List.of(), libwbxml.differences(decode(wbxml), Libwbxml.wbxml2xml(file, work)), version.getKey().toString());
        }
    }

    @Test
    void theEmailClassIsRegisteredUnderItsName() {
        assertNotNull(ItemCodecs.of(ItemClass.EMAIL));
        assertEquals("Email", ItemCodecs.className(ItemClass.EMAIL));
        assertTrue(email.properties(V14_1).containsAll(List.of("subject", "body", "flagStatus", "categories", "meetingRequest.timeZone",
                "meetingRequest.recurrences", "conversationId")));
        assertFalse(email.properties(V12_1).contains("categories"), "Categories from 14.0");
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
