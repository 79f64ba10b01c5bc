package org.syncbridge.web.eas.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

class ItemCodecTest {
    static final Tag APPLICATION_DATA = Tag.of("AirSync:", "ApplicationData");
    final ItemCodec contacts = new ItemCodec(ContactFields.TABLE, ContactFields.BODY_SINCE);
    final ItemCodec tasks = new ItemCodec(TaskFields.TABLE, TaskFields.BODY_SINCE);

    private static Element written(ItemCodec codec, Map<String, Object> properties, ProtocolVersion version) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WbxmlWriter out = new WbxmlWriter(bytes);
        out.start(APPLICATION_DATA);
        codec.write(out, properties, version);
        out.end().finish();
        return new WbxmlDecoder().decode(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void aContactSurvivesTheRoundTrip() throws Exception {
        Map<String, Object> contact = Map.of("firstName", "Jürgen", "lastName", "Groß", "birthday", "1980-05-17T00:00:00Z",
                "categories", List.of("Friends", "Berlin"), "nickName", "Jo", "body", "Met at the fair");
        Element data = written(contacts, contact, ProtocolVersion.V14_1);
        assertEquals("1980-05-17T00:00:00.000Z", data.childText(Tag.of("Contacts:", "Birthday")).orElseThrow());
        assertEquals(contact, contacts.read(data, ProtocolVersion.V14_1));
    }

    @Test
    void aRecurringTaskSurvivesTheRoundTrip() throws Exception {
        Map<String, Object> task = Map.of("subject", "Report", "utcDueDate", "2026-12-01T17:00:00Z", "dueDate", "2026-12-01T18:00:00.000Z",
                "recurrence.type", "1", "recurrence.interval", "2", "recurrence.dayOfWeek", "4", "recurrence.firstDayOfWeek", "1");
        Element data = written(tasks, task, ProtocolVersion.V16_1);
        Element recurrence = data.child(Tag.of("Tasks:", "Recurrence")).orElseThrow();
        assertEquals("2", recurrence.childText(Tag.of("Tasks:", "Interval")).orElseThrow());
        assertEquals(task, tasks.read(data, ProtocolVersion.V16_1));
        assertFalse(written(tasks, task, ProtocolVersion.V14_0).child(Tag.of("Tasks:", "Recurrence")).orElseThrow()
                .child(Tag.of("Tasks:", "FirstDayOfWeek")).isPresent(), "FirstDayOfWeek only from 14.1");
    }

    @Test
    void aDamagedStoredDateIsLeftOutNotABrokenAnswer() throws Exception {
        Element data = written(contacts, Map.of("firstName", "Ok", "birthday", "not a date"), ProtocolVersion.V14_1);
        assertEquals("Ok", data.childText(Tag.of("Contacts:", "FirstName")).orElseThrow());
        assertFalse(data.child(Tag.of("Contacts:", "Birthday")).isPresent());
    }

    @Test
    void anUnreadableClientDateRefusesTheItem() {
        Element data = Element.of(APPLICATION_DATA, Element.text(Tag.of("Contacts:", "Birthday"), "17.05.1980"));
        assertThrows(ItemCodec.Unreadable.class, () -> contacts.read(data, ProtocolVersion.V14_1));
    }

    @Test
    void theBodyAndWhatAChangeReplacesFollowTheVersion() {
        assertTrue(contacts.properties(ProtocolVersion.V14_1).contains("body"));
        assertTrue(contacts.properties(ProtocolVersion.V2_5).contains("body"), "2.5 in Contacts Body");
        assertTrue(tasks.properties(ProtocolVersion.V14_1).contains("recurrence.interval"));
        assertFalse(tasks.properties(ProtocolVersion.V12_1).contains("recurrence.calendarType"));
    }

    @Test
    void version25CarriesTheNoteInTheClassesOwnBody() throws Exception {
        Map<String, Object> contact = Map.of("firstName", "Old", "body", "Met in 2005");
        Element data = written(contacts, contact, ProtocolVersion.V2_5);
        assertEquals("Met in 2005", data.childText(Tag.of("Contacts:", "Body")).orElseThrow());
        assertFalse(data.child(Tag.of("AirSyncBase:", "Body")).isPresent());
        assertEquals(contact, contacts.read(data, ProtocolVersion.V2_5));
        assertFalse(written(contacts, contact, ProtocolVersion.V12_0).child(Tag.of("Contacts:", "Body")).isPresent());
    }

    @Test
    void aSelectionWritesOnlyTheSchemaAndCutsTheBodyAtACharacter() throws Exception {
        Tag body = Tag.of("AirSyncBase:", "Body");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WbxmlWriter out = new WbxmlWriter(bytes);
        out.start(APPLICATION_DATA);
        contacts.write(out, Map.of("firstName", "Jürgen", "lastName", "Groß", "body", "€uro"), ProtocolVersion.V14_1,
                new ItemCodec.Selection(java.util.Set.of(Tag.of("Contacts:", "LastName"), body), 4, false));
        out.end().finish();
        Element data = new WbxmlDecoder().decode(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals("Groß", data.childText(Tag.of("Contacts:", "LastName")).orElseThrow());
        assertFalse(data.child(Tag.of("Contacts:", "FirstName")).isPresent());
        Element cut = data.child(body).orElseThrow();
        assertEquals("€u", cut.childText(Tag.of("AirSyncBase:", "Data")).orElseThrow(), "three bytes of the euro sign and one of the u");
        assertEquals("1", cut.childText(Tag.of("AirSyncBase:", "Truncated")).orElseThrow());
        assertEquals("6", cut.childText(Tag.of("AirSyncBase:", "EstimatedDataSize")).orElseThrow());
        assertEquals("", ItemCodec.prefix("€", 2), "never half a character");
        assertEquals("a\uD83D\uDE00", ItemCodec.prefix("a\uD83D\uDE00b", 5), "a surrogate pair stays whole");
    }
}
