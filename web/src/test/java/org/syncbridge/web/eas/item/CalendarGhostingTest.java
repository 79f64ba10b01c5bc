package org.syncbridge.web.eas.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** Which calendar properties a Change replaces: what it carries, and what the client manages and left out. */
class CalendarGhostingTest {
    static final String C = "Calendar:";
    final ItemCodec calendar = ItemCodecs.of(ItemClass.EVENT);

    static Element el(String ns, String name, Element... children) {
        return Element.of(Tag.of(ns, name), children);
    }

    static Element text(String ns, String name, String value) {
        return Element.text(Tag.of(ns, name), value);
    }

    @Test
    void upTo141AClientManagesEverythingItCanSendAndFrom16NothingItLeavesOut() {
        for (ProtocolVersion v : Set.of(ProtocolVersion.V12_1, ProtocolVersion.V14_1)) {
            Set<String> managed = calendar.managed(v);
            assertTrue(managed.containsAll(Set.of("attendees", "exceptions", "reminder", "body", "location", "recurrence.type")), v + ": " + managed);
        }
        assertEquals(Set.of(), calendar.managed(ProtocolVersion.V16_0));
        assertEquals(Set.of(), calendar.managed(ProtocolVersion.V16_1), "MS-ASCAL 3.1.5.3: all top-level elements left out are ghosted");
        assertEquals(ItemCodecs.of(ItemClass.CONTACT).properties(ProtocolVersion.V16_1), ItemCodecs.of(ItemClass.CONTACT).managed(ProtocolVersion.V16_1),
                "contacts ghost nothing yet");
    }

    @Test
    void aChangeReplacesTheElementsItCarriesWholeEvenEmptyOnes() {
        Element data = el("AirSync:", "ApplicationData", text(C, "Reminder", "5"), el(C, "Attendees"),
                el(C, "Recurrence", text(C, "Type", "1")), el("AirSyncBase:", "Location", text("AirSyncBase:", "DisplayName", "Room")));
        Set<String> present = calendar.present(data, ProtocolVersion.V16_1);
        assertTrue(present.containsAll(Set.of("reminder", "attendees", "recurrence.type", "recurrence.until", "recurrence.occurrences",
                "location", "locationStreet")), present.toString());
        assertFalse(present.contains("subject"));
        assertFalse(calendar.present(data, ProtocolVersion.V14_1).contains("location"), "AirSyncBase Location is 16.x");
    }

    @Test
    void supportedNamesWhatTheClientManagesOfWhatCanBeGhosted() {
        Element supported = el("AirSync:", "Supported", el(C, "Subject"), el(C, "Attendees"), el(C, "Reminder"));
        Set<String> ghosted = calendar.ghosted(supported, ProtocolVersion.V14_1);
        assertEquals(Set.of("appointmentReplyTime", "body", "disallowNewTimeProposal", "meetingStatus", "onlineMeetingConfLink",
                "onlineMeetingExternalLink", "organizerEmail", "organizerName", "responseRequested", "responseType"), ghosted,
                "named ones and those that cannot be ghosted (Reminder, Location, Exceptions ...) are managed");
        Set<String> all = calendar.ghosted(el("AirSync:", "Supported"), ProtocolVersion.V12_1);
        assertEquals(Set.of("attendees", "body", "meetingStatus", "organizerEmail", "organizerName"), all,
                "an empty Supported ghosts every ghostable element the version carries");
    }
}
