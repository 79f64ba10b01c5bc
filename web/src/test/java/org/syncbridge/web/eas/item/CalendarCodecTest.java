package org.syncbridge.web.eas.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Captures;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

class CalendarCodecTest {
    static final Tag APPLICATION_DATA = Tag.of("AirSync:", "ApplicationData");
    final ItemCodec calendar = new ItemCodec(CalendarFields.TABLE, CalendarFields.BODY_SINCE);

    private Element written(Map<String, Object> properties, ProtocolVersion version) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WbxmlWriter out = new WbxmlWriter(bytes);
        out.start(APPLICATION_DATA);
        calendar.write(out, properties, version);
        out.end().finish();
        return new WbxmlDecoder().decode(new ByteArrayInputStream(bytes.toByteArray()));
    }

    /** Every appointment real phones and Exchange exchanged reads, and what is read is written and read back the same. */
    @Test
    void everyCapturedAppointmentSurvivesTheRoundTrip() throws Exception {
        int appointments = 0;
        for (Path body : Captures.bodies()) {
            List<Element> items = new ArrayList<>();
            collect(Captures.decode(body), items);
            for (Element data : items) {
                Map<String, Object> read = calendar.read(data, ProtocolVersion.V12_1);
                assertEquals(read, calendar.read(written(read, ProtocolVersion.V12_1), ProtocolVersion.V12_1), Captures.name(body));
                if (read.containsKey("timeZone")) {
                    ZoneId.of((String) read.get("timeZone"));
                }
                appointments++;
            }
        }
        assertTrue(appointments >= 10, "the captures hold appointments: " + appointments);
    }

    private static void collect(Element element, List<Element> items) {
        if (element.is(APPLICATION_DATA) && element.children().stream().anyMatch(c -> c.tag().namespace().equals("Calendar:"))) {
            items.add(element);
        }
        element.children().forEach(c -> collect(c, items));
    }

    @Test
    void exceptionsAreKeyedByTheirOccurrenceInEachVersion() throws Exception {
        Map<String, Object> series = Map.of("subject", "Weekly", "startTime", "2026-03-02T08:00:00Z", "timeZone", "Europe/Berlin",
                "recurrence.type", "1", "recurrence.dayOfWeek", "2", "location", "Room 1",
                "exceptions", List.of(Map.of("exceptionStartTime", "2026-03-09T08:00:00Z", "deleted", "1")),
                "attendees", List.of(Map.of("email", "bob@example.org", "name", "Bob", "attendeeType", "1")));
        Element old = written(series, ProtocolVersion.V14_1);
        Element exception = old.child(Tag.of("Calendar:", "Exceptions")).orElseThrow().child(Tag.of("Calendar:", "Exception")).orElseThrow();
        assertEquals("20260309T080000Z", exception.childText(Tag.of("Calendar:", "ExceptionStartTime")).orElseThrow());
        assertEquals("Room 1", old.childText(Tag.of("Calendar:", "Location")).orElseThrow());
        Element v16 = written(series, ProtocolVersion.V16_1);
        Element exception16 = v16.child(Tag.of("Calendar:", "Exceptions")).orElseThrow().child(Tag.of("Calendar:", "Exception")).orElseThrow();
        assertEquals("20260309T080000Z", exception16.childText(Tag.of("AirSyncBase:", "InstanceId")).orElseThrow());
        assertFalse(exception16.child(Tag.of("Calendar:", "ExceptionStartTime")).isPresent());
        assertEquals("Room 1", v16.child(Tag.of("AirSyncBase:", "Location")).orElseThrow().childText(Tag.of("AirSyncBase:", "DisplayName")).orElseThrow());
        Map<String, Object> back = calendar.read(v16, ProtocolVersion.V16_1);
        assertEquals(series.get("exceptions"), back.get("exceptions"));
        assertEquals(series.get("attendees"), back.get("attendees"));
        assertEquals("Europe/Berlin", back.get("timeZone"));
    }
}
