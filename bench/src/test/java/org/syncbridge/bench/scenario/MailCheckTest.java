package org.syncbridge.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

class MailCheckTest {
    private static final String AS = "AirSync:";
    private static final String E = "Email:";
    private static final String B = "AirSyncBase:";
    private static final String SUBJECT = "Bench mail #42: budget review";

    private static Element add(String subject, String read, String type, String data, int attachments) {
        List<Element> fields = new ArrayList<>(List.of(Wbxml.text(E, "Subject", subject), Wbxml.text(E, "Read", read)));
        if (attachments > 0) {
            List<Element> list = new ArrayList<>();
            for (int i = 0; i < attachments; i++) {
                list.add(Wbxml.el(B, "Attachment", Wbxml.text(B, "DisplayName", "report-42.pdf")));
            }
            fields.add(Element.of(Tag.of(B, "Attachments"), list));
        }
        fields.add(Wbxml.el(B, "Body", Wbxml.text(B, "Type", type), Wbxml.text(B, "Truncated", "1"), Wbxml.text(B, "Data", data)));
        return Wbxml.el(AS, "Add", Wbxml.text(AS, "ServerId", "4711"), Element.of(Tag.of(AS, "ApplicationData"), fields));
    }

    @Test
    void theLoadedMailPasses() {
        MailCheck.Received r = MailCheck.check(add(SUBJECT, "1", "2", "<p>Message #42.</p>", 1), 42, SUBJECT, 1, true, 2);
        assertEquals(42, r.n());
        assertEquals("4711", r.serverId());
        assertEquals(2, r.bodyType());
        assertTrue(r.truncated());
        // a plain-text mail may come as plain text although HTML was asked for
        assertEquals(1, MailCheck.check(add(SUBJECT, "0", "1", "Message #42.", 0), 42, SUBJECT, 0, false, 2).bodyType());
    }

    @Test
    void anyDifferenceFailsTheRun() {
        assertThrows(EasFailure.class, () -> MailCheck.check(add("Bench mail #43: budget review", "1", "2", "#42", 1), 42, SUBJECT, 1, true, 2));
        assertThrows(EasFailure.class, () -> MailCheck.check(add(SUBJECT, "0", "2", "#42", 1), 42, SUBJECT, 1, true, 2));
        assertThrows(EasFailure.class, () -> MailCheck.check(add(SUBJECT, "1", "4", "#42", 1), 42, SUBJECT, 1, true, 2));
        assertThrows(EasFailure.class, () -> MailCheck.check(add(SUBJECT, "1", "2", "Message #41.", 1), 42, SUBJECT, 1, true, 2));
        assertThrows(EasFailure.class, () -> MailCheck.check(add(SUBJECT, "1", "2", "#42", 0), 42, SUBJECT, 1, true, 2));
    }
}
