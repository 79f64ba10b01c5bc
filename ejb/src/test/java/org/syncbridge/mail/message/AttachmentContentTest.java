package org.syncbridge.mail.message;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.message.TestMails.NAME;
import static org.syncbridge.mail.message.TestMails.load;

class AttachmentContentTest {

    /** The fixture's PDF, decoded here from the base64 text of the .eml, not by Jakarta Mail. */
    private static byte[] pdf() {
        String eml = new String(TestMails.bytes("attachments.eml"), StandardCharsets.US_ASCII);
        int start = eml.indexOf("\r\n\r\n", eml.indexOf("filename*=UTF-8")) + 4;
        return Base64.getMimeDecoder().decode(eml.substring(start, eml.indexOf("\r\n--mix-b", start)));
    }

    @Test
    void anAttachmentByItsSectionWithItsNameAndBytes() throws Exception {
        AttachmentContent a = AttachmentContent.find(load("attachments.eml"), "2");
        assertEquals("application/pdf", a.contentType());
        assertEquals(NAME, a.displayName());
        assertEquals(-1, a.totalLength()); // base64: only decoding tells
        try (InputStream in = a.open()) {
            assertArrayEquals(pdf(), in.readAllBytes());
        }
        AttachmentContent notes = AttachmentContent.find(load("attachments.eml"), "6");
        assertEquals(11, notes.totalLength());
        assertEquals("notes, 7bit", new String(notes.open().readAllBytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void aRangeIsSkippedToAndCut() throws Exception {
        byte[] pdf = pdf();
        AttachmentContent a = AttachmentContent.find(load("attachments.eml"), "3");
        assertArrayEquals(Arrays.copyOfRange(pdf, 10, 30), a.open(10, 20).readAllBytes());
        assertArrayEquals(Arrays.copyOfRange(pdf, pdf.length - 5, pdf.length), a.open(pdf.length - 5, 100).readAllBytes());
        assertArrayEquals(Arrays.copyOfRange(pdf, 100, pdf.length), a.open(100, -1).readAllBytes());
        assertEquals(0, a.open(pdf.length + 5, 10).readAllBytes().length);
        assertEquals(0, a.open(0, 0).readAllBytes().length);
        try (InputStream in = a.open(1, 3)) {
            assertEquals(pdf[1] & 0xFF, in.read());
            byte[] two = new byte[10];
            assertEquals(2, in.read(two, 0, 10));
            assertEquals(-1, in.read());
        }
    }

    @Test
    void nestedSectionsAsImapNumbersThem() throws Exception {
        MimeMessage image = load("inline-image.eml");
        assertEquals("image/png", AttachmentContent.find(image, "1.2").contentType());
        assertTrue(new String(AttachmentContent.find(image, "1.2").open().readNBytes(4), StandardCharsets.ISO_8859_1).endsWith("PNG"));
        assertEquals("text/html", AttachmentContent.find(image, "1.1.2").contentType());
        assertEquals("report.pdf", AttachmentContent.find(image, "2").displayName());

        MimeMessage forwarded = load("forwarded.eml");
        AttachmentContent message = AttachmentContent.find(forwarded, "2");
        assertEquals("message/rfc822", message.contentType());
        assertTrue(new String(message.open().readAllBytes(), StandardCharsets.US_ASCII).startsWith("Message-ID: <orig-1@example.net>"));
        AttachmentContent csv = AttachmentContent.find(forwarded, "2.2");
        assertEquals("q1.csv", csv.displayName());
        assertEquals("a,b\r\n1,2", new String(csv.open().readAllBytes(), StandardCharsets.US_ASCII));
        assertEquals("text/plain", AttachmentContent.find(forwarded, "2.1").contentType());

        MimeMessage single = load("plain.eml");
        assertEquals("text/plain", AttachmentContent.find(single, "1").contentType());
        assertEquals("smime.p7m", AttachmentContent.find(load("encrypted.eml"), "1").displayName());
    }

    @Test
    void unknownSectionsAreRefused() {
        MimeMessage mixed = load("attachments.eml");
        for (String bad : new String[]{null, "", "0", "7", "2.1", "1..2", "a", "2.0", "-1", "1.", "99999999999"}) {
            assertThrows(NoSuchPartException.class, () -> AttachmentContent.find(mixed, bad), String.valueOf(bad));
        }
        assertThrows(NoSuchPartException.class, () -> AttachmentContent.find(load("plain.eml"), "2"));
        assertThrows(NoSuchPartException.class, () -> AttachmentContent.find(load("plain.eml"), "1.1"));
        assertThrows(NoSuchPartException.class, () -> AttachmentContent.find(load("forwarded.eml"), "2.3"));
    }
}
