package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.syncbridge.auth.AuthenticatedUser;
import org.syncbridge.device.DeviceEntry;
import org.syncbridge.device.DeviceGate;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.send.SendRequest;
import org.syncbridge.mail.send.SendStatus;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.EasQuery;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/** Both wire forms of SendMail, SmartReply and SmartForward read into one request, and the answers of each form. */
class ComposeMailTest {
    static final String CM = "ComposeMail:";
    static final AuthenticatedUser MIA = new AuthenticatedUser(7, 1, "acme", "mia", "Mia", "mia@example.org", true, false, "mia@example.org");
    static final byte[] MIME = "To: bob@example.org\r\n\r\nHi\r\n".getBytes(StandardCharsets.US_ASCII);

    static EasExchange raw(String rawQuery) throws Exception {
        EasQuery query = EasQuery.parse(rawQuery);
        ProtocolVersion version = query.version().orElse(ProtocolVersion.V12_1);
        return new EasExchange(MIA, new MailLogin("mia@example.org", "pw"), new DeviceEntry(42, "dev1", "iPhone", DeviceGate.ALLOWED),
                version, query, Optional.empty(), MIME);
    }

    static EasExchange wbxml(ProtocolVersion version, Element body) {
        EasQuery query = new EasQuery(body.tag().name(), "mia", "dev1", "iPhone", Optional.empty(), null, Map.of());
        return new EasExchange(MIA, new MailLogin("mia@example.org", "pw"), new DeviceEntry(42, "dev1", "iPhone", DeviceGate.ALLOWED),
                version, query, Optional.of(body));
    }

    static Element el(String name, Element... children) {
        return Element.of(Tag.of(CM, name), children);
    }

    static Element text(String name, String value) {
        return Element.text(Tag.of(CM, name), value);
    }

    @Test
    void the12Point1FormTakesTheRawBodyAndItsParametersFromThePlainQuery() throws Exception {
        SendRequest r = ComposeMail.request(raw("Cmd=SmartReply&User=mia&DeviceId=dev1&DeviceType=iPhone&ItemId=17&CollectionId=5&SaveInSent=T"),
                ComposeMail.SMART_REPLY, SendRequest.Kind.REPLY);
        assertArrayEquals(MIME, r.mime());
        assertTrue(r.saveInSentAsked());
        assertEquals(new SendRequest.Source("5", "17", null, null), r.source());
        assertNull(r.clientId(), "12.1 has no ClientId");
        assertFalse(r.replaceMime(), "12.1 always adds the original");
        assertEquals("acme", r.contextName());
        assertEquals(42, r.deviceId());
        assertFalse(ComposeMail.request(raw("Cmd=SendMail&User=mia&DeviceId=dev1&DeviceType=iPhone"), ComposeMail.SEND_MAIL,
                SendRequest.Kind.NEW).saveInSentAsked(), "SaveInSent defaults to F (MS-ASHTTP)");
    }

    @Test
    void andFromTheBase64Query() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {121, 2, 0x07, 0x04, 4, 'd', 'e', 'v', '1', 0, 6, 'i', 'P', 'h', 'o', 'n', 'e'});
        b.writeBytes(new byte[] {4, 6, 'S', ':', '1', ':', '1', '7'}); // LongId
        b.writeBytes(new byte[] {6, 1, '2'}); // Occurrence
        b.writeBytes(new byte[] {7, 1, 0x01}); // Options: SaveInSent
        SendRequest r = ComposeMail.request(raw(Base64.getEncoder().encodeToString(b.toByteArray())), ComposeMail.SMART_FORWARD,
                SendRequest.Kind.FORWARD);
        assertEquals(new SendRequest.Source(null, null, "S:1:17", "2"), r.source());
        assertTrue(r.saveInSentAsked());
        assertEquals(SendRequest.Kind.FORWARD, r.kind());
    }

    @Test
    void the14FormReadsComposeMailWithOpaqueOrTextMime() throws Exception {
        Element opaque = el("SmartForward", text("ClientId", "c-1"), Element.empty(Tag.of(CM, "SaveInSentItems")),
                Element.empty(Tag.of(CM, "ReplaceMime")), el("Source", text("FolderId", "5"), text("ItemId", "17"), text("InstanceId", "2025-11-20T09:00:00.000Z")),
                Element.opaque(Tag.of(CM, "Mime"), MIME.clone()));
        SendRequest r = ComposeMail.request(wbxml(ProtocolVersion.V14_1, opaque), ComposeMail.SMART_FORWARD, SendRequest.Kind.FORWARD);
        assertEquals("c-1", r.clientId());
        assertTrue(r.saveInSentAsked());
        assertTrue(r.replaceMime());
        assertEquals(new SendRequest.Source("5", "17", null, "2025-11-20T09:00:00.000Z"), r.source());
        assertArrayEquals(MIME, r.mime());

        Element asText = el("SendMail", text("ClientId", "c-2"), text("Mime", new String(MIME, StandardCharsets.US_ASCII)));
        SendRequest s = ComposeMail.request(wbxml(ProtocolVersion.V16_1, asText), ComposeMail.SEND_MAIL, SendRequest.Kind.NEW);
        assertArrayEquals(MIME, s.mime());
        assertFalse(s.saveInSentAsked());
        assertNull(s.source());
        assertNull(s.accountId());
    }

    @Test
    void aRequestWithoutItsRequiredPartsIsMalformed() {
        assertThrows(MalformedWbxml.class, () -> ComposeMail.request(wbxml(ProtocolVersion.V14_1,
                el("SendMail", Element.opaque(Tag.of(CM, "Mime"), MIME.clone()))), ComposeMail.SEND_MAIL, SendRequest.Kind.NEW), "no ClientId");
        assertThrows(MalformedWbxml.class, () -> ComposeMail.request(wbxml(ProtocolVersion.V14_1,
                el("SendMail", text("ClientId", "x".repeat(41)), Element.opaque(Tag.of(CM, "Mime"), MIME.clone()))), ComposeMail.SEND_MAIL,
                SendRequest.Kind.NEW), "a ClientId longer than 40");
        assertThrows(MalformedWbxml.class, () -> ComposeMail.request(wbxml(ProtocolVersion.V14_1, el("SendMail", text("ClientId", "c"))),
                ComposeMail.SEND_MAIL, SendRequest.Kind.NEW), "no Mime");
        assertThrows(MalformedWbxml.class, () -> ComposeMail.request(wbxml(ProtocolVersion.V14_1,
                el("SmartReply", text("ClientId", "c"), Element.opaque(Tag.of(CM, "Mime"), MIME.clone()))), ComposeMail.SMART_REPLY,
                SendRequest.Kind.REPLY), "no Source");
    }

    @Test
    void failuresAreTheSpecsStatusFrom14AndAnHttpStatusBefore() {
        Map<SendStatus, Integer> statuses = Map.of(SendStatus.INVALID_MIME, 107, SendStatus.NO_RECIPIENTS, 119,
                SendStatus.SUBMISSION_FAILED, 120, SendStatus.TOO_LARGE, 122, SendStatus.FROM_NOT_ALLOWED, 130,
                SendStatus.ITEM_NOT_FOUND, 150, SendStatus.INVALID_ACCOUNT, 166, SendStatus.RETRY_LATER, 111);
        statuses.forEach((status, code) -> assertEquals(code, ComposeMail.status(status), status.name()));
        Map<SendStatus, Integer> http = Map.of(SendStatus.SENT, 200, SendStatus.ALREADY_SENT, 200, SendStatus.INVALID_MIME, 400,
                SendStatus.NO_RECIPIENTS, 400, SendStatus.FROM_NOT_ALLOWED, 400, SendStatus.ITEM_NOT_FOUND, 400,
                SendStatus.TOO_LARGE, 413, SendStatus.SUBMISSION_FAILED, 500, SendStatus.RETRY_LATER, 503);
        http.forEach((status, code) -> assertEquals(code, ComposeMail.httpStatus(status), status.name()));
        assertTrue(ComposeMail.rawBody(ProtocolVersion.V12_1) && ComposeMail.rawBody(ProtocolVersion.V2_5));
        assertFalse(ComposeMail.rawBody(ProtocolVersion.V14_0));
    }
}
