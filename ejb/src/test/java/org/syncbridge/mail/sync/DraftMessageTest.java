package org.syncbridge.mail.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DraftMessageTest {

    @Test
    void aNewDraftThenAnEditThatKeepsWhatThePhoneDidNotSend() throws Exception {
        Map<String, Object> sent = new HashMap<>();
        sent.put("to", "Bob <bob@example.org>; carol@example.org");
        sent.put("subject", "Entwurf über März");
        sent.put("body", "Hallo Bob");
        sent.put("importance", "2");
        sent.put("attachmentsAdded", List.of(Map.of("clientId", "c1", "displayName", "Plan – 東京.pdf", "contentType", "application/pdf",
                "content", "PDF-1".getBytes(StandardCharsets.US_ASCII), "method", "1")));
        DraftMessage.Built first = DraftMessage.build(sent, null, Set.of(), "alice@example.org", "Alice Ä");
        assertEquals(List.of(new DraftMessage.Added("c1", "2")), first.added());
        MimeMessage stored = reparse(first.message());
        assertEquals(2, stored.getRecipients(Message.RecipientType.TO).length);
        assertEquals("Entwurf über März", stored.getSubject());
        assertEquals("high", stored.getHeader("Importance", null));
        Multipart parts = (Multipart) stored.getContent();
        assertEquals("Plan – 東京.pdf", MimeUtility.decodeText(parts.getBodyPart(1).getFileName()));

        Map<String, Object> edit = new HashMap<>();
        edit.put("subject", "Entwurf 2");
        edit.put("attachmentsAdded", List.of(Map.of("clientId", "c2", "displayName", "b.txt", "contentType", "text/plain",
                "content", "zwei".getBytes(StandardCharsets.US_ASCII))));
        DraftMessage.Built second = DraftMessage.build(edit, stored, Set.of(), "alice@example.org", "Alice Ä");
        MimeMessage edited = reparse(second.message());
        assertEquals("Entwurf 2", edited.getSubject());
        assertEquals(2, edited.getRecipients(Message.RecipientType.TO).length, "recipients the phone did not send stay");
        Multipart editedParts = (Multipart) edited.getContent();
        assertEquals(3, editedParts.getCount());
        assertEquals("Hallo Bob", editedParts.getBodyPart(0).getContent());
        assertArrayEquals("PDF-1".getBytes(StandardCharsets.US_ASCII), editedParts.getBodyPart(1).getInputStream().readAllBytes());
        assertEquals(List.of(new DraftMessage.Added("c2", "3")), second.added());

        DraftMessage.Built third = DraftMessage.build(Map.of("attachmentsDeleted", List.of("9:7:2", "9:7:3")), edited, Set.of("2", "3"),
                "alice@example.org", null);
        MimeMessage plain = reparse(third.message());
        assertEquals("Hallo Bob", plain.getContent(), "without attachments it is plain text again");
        assertEquals("high", plain.getHeader("Importance", null), "importance the phone did not send stays");
    }

    private static MimeMessage reparse(MimeMessage m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        m.writeTo(bytes);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
    }
}
