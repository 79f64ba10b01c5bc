package org.syncbridge.web.eas.item;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.web.eas.ProtocolVersion.V12_1;
import static org.syncbridge.web.eas.ProtocolVersion.V14_1;
import static org.syncbridge.web.eas.ProtocolVersion.V16_1;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.web.eas.wbxml.Captures;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/** What phones send of mail: changes of a received mail, and 16.0 drafts. */
class EmailChangesTest {
    static final Tag APPLICATION_DATA = Tag.of("AirSync:", "ApplicationData");
    static final Tag CHANGE = Tag.of("AirSync:", "Change");

    static Element e(String namespace, String name, String text) {
        return Element.text(Tag.of(namespace, name), text);
    }

    static Element e(String namespace, String name, Element... children) {
        return Element.of(Tag.of(namespace, name), children);
    }

    /** Through the wire and back, as a request arrives. */
    static Element sent(Element applicationData) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new WbxmlWriter(bytes).element(applicationData).finish();
        return new WbxmlDecoder().decode(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void aChangeReadsReadFlagAndCategoriesAndIgnoresWhatPhonesEcho() throws Exception {
        Element data = sent(e("AirSync:", "ApplicationData",
                e("Email:", "To", "\"Jürgen\" <j@example.org>"), e("Email:", "Subject", "echoed"),
                e("Email:", "DateReceived", "not a date: a full Email read would refuse it"),
                e("Email:", "Read", "1"),
                e("Email:", "Flag", e("Email:", "Status", "2"), e("Email:", "FlagType", "Follow up"),
                        e("Tasks:", "StartDate", "2026-11-23T00:00:00.000Z"), e("Tasks:", "UtcStartDate", "2026-11-22T23:00:00.000Z"),
                        e("Tasks:", "DueDate", "2026-11-24T00:00:00.000Z"), e("Tasks:", "UtcDueDate", "2026-11-23T23:00:00.000Z")),
                e("Email:", "Categories", e("Email:", "Category", "Rot"), e("Email:", "Category", "Projekt Ω"))));
        assertEquals(Map.of("read", "1", "flagStatus", "2", "categories", List.of("Rot", "Projekt Ω")),
                ItemCodecs.mailChange().read(data, V14_1));
        assertEquals(Map.of("read", "1", "flagStatus", "2"), ItemCodecs.mailChange().read(data, V12_1), "Categories from 14.0");
        assertEquals(Set.of("read", "flagStatus", "categories"), ItemCodecs.mailChange().properties(V14_1),
                "a mail Change replaces exactly these");
    }

    @Test
    void anEmptyFlagClearsItAFlagWithoutStatusSaysNothingABadStatusIsRefused() throws Exception {
        ItemCodec change = ItemCodecs.mailChange();
        assertEquals(Map.of("flagStatus", "0"), change.read(sent(e("AirSync:", "ApplicationData", Element.empty(Tag.of("Email:", "Flag")))), V12_1));
        assertEquals(Map.of("flagStatus", "1"), change.read(sent(e("AirSync:", "ApplicationData",
                e("Email:", "Flag", e("Email:", "Status", "1"), e("Email:", "CompleteTime", "2026-11-23T10:00:00.000Z"),
                        e("Tasks:", "DateCompleted", "2026-11-23T10:00:00.000Z")))), V12_1));
        assertEquals(Map.of(), change.read(sent(e("AirSync:", "ApplicationData",
                e("Email:", "Flag", e("Email:", "FlagType", "Follow up")))), V12_1));
        assertThrows(ItemCodec.Unreadable.class, () -> change.read(sent(e("AirSync:", "ApplicationData",
                e("Email:", "Flag", e("Email:", "Status", "3")))), V12_1), "MS-ASEMAIL: Sync Status 6 for another value");
    }

    /** The phones' own Changes in the captures: marking a mail read. */
    @Test
    void theCapturedChangesMarkMailsRead() throws Exception {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String capture : List.of("gs2-exchange-receive300EmailsInManualMode/003-Sync-request.wbxml",
                "gs3-exchange-receive-big-email/004-Sync-request.wbxml")) {
            List<Element> found = new ArrayList<>();
            collect(Captures.decode(Captures.directory().resolve(capture)), found);
            for (Element change : found) {
                changes.add(ItemCodecs.mailChange().read(change.child(APPLICATION_DATA).orElseThrow(), V12_1));
            }
        }
        assertEquals(List.of(Map.of("read", "1"), Map.of("read", "1")), changes);
    }

    static void collect(Element element, List<Element> found) {
        if (element.is(CHANGE)) {
            found.add(element);
        }
        element.children().forEach(c -> collect(c, found));
    }

    @Test
    void aDraftReadsRecipientsSubjectBodyAndTheAttachmentsAddedAndDeleted() throws Exception {
        byte[] content = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d};
        Element data = sent(e("AirSync:", "ApplicationData",
                e("Email:", "To", "\"Jürgen Groß\" <juergen@example.org>"), e("Email:", "Cc", "li@example.cn"),
                e("Email2:", "Bcc", "hidden@example.org"), e("Email:", "Subject", "Entwurf: Größe – 会議"),
                e("Email:", "Importance", "2"), e("Email:", "Read", "1"),
                e("AirSyncBase:", "Body", e("AirSyncBase:", "Type", "1"), e("AirSyncBase:", "Data", "Hallo,\r\nbis morgen.")),
                e("AirSyncBase:", "Attachments",
                        e("AirSyncBase:", "Add", e("AirSyncBase:", "ClientId", "c-17"), e("AirSyncBase:", "Method", "1"),
                                e("AirSyncBase:", "ContentType", "image/png"),
                                Element.opaque(Tag.of("AirSyncBase:", "Content"), content.clone()),
                                e("AirSyncBase:", "DisplayName", "Skizze ü.png"), e("AirSyncBase:", "ContentId", "sk1@phone"),
                                e("AirSyncBase:", "IsInline", "1")),
                        e("AirSyncBase:", "Delete", e("AirSyncBase:", "FileReference", "7:42:2")),
                        e("AirSyncBase:", "Delete", e("AirSyncBase:", "FileReference", "7:42:3")))));
        Map<String, Object> draft = new HashMap<>(ItemCodecs.draft().read(data, V16_1));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> added = (List<Map<String, Object>>) draft.remove("attachmentsAdded");
        assertEquals(Map.of("to", "\"Jürgen Groß\" <juergen@example.org>", "cc", "li@example.cn", "bcc", "hidden@example.org",
                "subject", "Entwurf: Größe – 会議", "importance", "2", "read", "1", "body", "Hallo,\r\nbis morgen.",
                "attachmentsDeleted", List.of("7:42:2", "7:42:3")), draft);
        assertEquals(1, added.size());
        Map<String, Object> attachment = new HashMap<>(added.get(0));
        assertArrayEquals(content, (byte[]) attachment.remove("content"), "opaque, NUL bytes and all");
        assertEquals(Map.of("clientId", "c-17", "method", "1", "contentType", "image/png", "displayName", "Skizze ü.png",
                "contentId", "sk1@phone", "isInline", "1"), attachment);
    }

    /** Every property the table reads or writes is one the mail store knows by name. */
    @Test
    void everyTopLevelPropertyIsAnEmailPropertiesName() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field f : EmailProperties.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                names.add((String) f.get(null));
            }
        }
        for (List<ItemField> table : List.of(EmailFields.TABLE, EmailFields.DRAFT)) {
            for (ItemField field : table) {
                assertTrue(names.contains(field.property()), field.property() + " (" + field.tag() + ") is not in EmailProperties");
            }
        }
    }
}
