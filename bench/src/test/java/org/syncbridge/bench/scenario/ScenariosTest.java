package org.syncbridge.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

class ScenariosTest {

    @Test
    void scenariosAreChosenByName() {
        assertEquals(List.of("incremental-sync", "initial-sync"),
                Scenarios.named(List.of("incremental-sync", "initial-sync")).stream().map(Scenario::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.named(List.of("ping")));
        assertTrue(e.getMessage().contains("initial-sync, incremental-sync, parked-ping, mail-initial-sync, mail-incremental-sync"), e.getMessage());
    }

    @Test
    void contactsAreStableDistinctAndAddressBookSized() throws Exception {
        assertEquals(Contacts.contact(4711, 0), Contacts.contact(4711, 0));
        Set<String> names = new HashSet<>();
        for (int n = 0; n < 100_000; n++) {
            assertTrue(names.add(Contacts.lastName(n)));
        }
        assertTrue(Contacts.contact(7, 2).stream().anyMatch(e -> e.text().equals(Contacts.jobTitle(2))));
        int bytes = wbxmlSize(SyncCall.add("c1", Contacts.contact(12345, 0)));
        assertTrue(bytes > 150 && bytes < 400, bytes + " bytes");
    }

    private static int wbxmlSize(Element element) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        WbxmlWriter writer = new WbxmlWriter(out);
        writer.element(element);
        writer.finish();
        return out.size();
    }
}
