package org.syncbridge.mail.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.message.TestMails.*;

/** The message part (BodyPart) a client asks for with BodyPartPreference, through the mail reader. */
class BodyPartChoiceTest {
    /** A Thunderbird reply: its new text has 1-, 2-, 3- and 4-byte characters in UTF-8. */
    static final String NEW_TEXT = "Neue Antwort: aé東😀 passt.";
    static final String REPLY_HTML = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>"
            + "<body><p>" + NEW_TEXT + "</p><div class=\"moz-cite-prefix\">Am 12.11.25 um 17:40 schrieb Anna:<br></div>"
            + "<blockquote type=\"cite\"><p>Alte Frage: " + "lang ".repeat(200) + "</p></blockquote></body></html>";
    /** The reply's message part: its HTML without the attribution and the quote, its charset now saying what it is sent in. */
    static final String REPLY_PART = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>"
            + "<body><p>" + NEW_TEXT + "</p></body></html>";

    static byte[] reply() {
        return crlf("Message-ID: <re-1@example.org>\nIn-Reply-To: <q-1@example.org>\nReferences: <q-1@example.org>\n"
                + "Subject: Re: Frage\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"b\"\n\n"
                + "--b\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + NEW_TEXT + "\n\n> Alte Frage\n"
                + "--b\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + REPLY_HTML + "\n--b--\n");
    }

    static BodyWish part(long truncationSize, boolean allOrNone, int preview) {
        return new BodyWish(BodyType.HTML, truncationSize, allOrNone, preview);
    }

    static Map<String, Object> read(MailReader reader, byte[] mail, List<BodyWish> wishes, BodyWish part) throws Exception {
        return TestMails.read(reader, mail, new BodyRequest(wishes, MimeSupport.NEVER, List.of(part)));
    }

    static ChosenBodyPart bodyPart(Map<String, Object> properties) {
        return (ChosenBodyPart) properties.get(EmailProperties.BODY_PART);
    }

    @Test
    void theMessagePartIsTheNewHtmlWithoutTheQuotedMail() throws Exception {
        ChosenBodyPart chosen = bodyPart(read(reader(), reply(), List.of(BodyWish.PLAIN_WHOLE), part(-1, false, 0)));
        assertEquals(ChosenBodyPart.Status.OK, chosen.status());
        ChosenBody part = chosen.part();
        assertEquals(BodyType.HTML, part.type());
        assertEquals(REPLY_PART, text(part).strip());
        assertFalse(part.truncated());
        assertEquals(part.data().length, part.estimatedSize());
        assertNull(part.preview());
    }

    @Test
    void truncationIsExactInUtf8BytesAndNeverSplitsACharacter() throws Exception {
        byte[] whole = bodyPart(read(reader(), reply(), List.of(), part(-1, false, 0))).part().data();
        int start = REPLY_PART.indexOf(NEW_TEXT);
        for (int size = start; size <= start + NEW_TEXT.getBytes(StandardCharsets.UTF_8).length; size++) {
            ChosenBody cut = bodyPart(read(reader(), reply(), List.of(), part(size, false, 0))).part();
            assertTrue(cut.truncated(), "TruncationSize " + size);
            assertEquals(whole.length, cut.estimatedSize(), "EstimatedDataSize is the whole part's, in bytes");
            assertTrue(cut.data().length <= size && cut.data().length > size - 4, size + ": " + cut.data().length);
            assertArrayEquals(Arrays.copyOf(whole, cut.data().length), cut.data());
            assertTrue(new String(cut.data(), StandardCharsets.UTF_8).indexOf('\uFFFD') < 0, "no half character at " + size);
        }
        ChosenBody exact = bodyPart(read(reader(), reply(), List.of(), part(whole.length, false, 0))).part();
        assertFalse(exact.truncated(), "a part of exactly TruncationSize bytes is whole");
        assertArrayEquals(whole, exact.data());
    }

    @Test
    void allOrNoneSendsNoDataButStatus1() throws Exception {
        ChosenBodyPart none = bodyPart(read(reader(), reply(), List.of(), part(20, true, 0)));
        assertEquals(ChosenBodyPart.Status.OK, none.status(), "Status 1, as Microsoft's MS-ASAIRS tests expect");
        assertTrue(none.part().truncated());
        assertNull(none.part().data());
        assertEquals(REPLY_PART.getBytes(StandardCharsets.UTF_8).length, none.part().estimatedSize() - trailing());
        ChosenBodyPart fits = bodyPart(read(reader(), reply(), List.of(), part(100_000, true, 0)));
        assertFalse(fits.part().truncated());
        assertEquals(REPLY_PART, text(fits.part()).strip());
    }

    /** The line end the HTML part had after its last tag. */
    private static long trailing() throws Exception {
        return bodyPart(read(reader(), reply(), List.of(), part(-1, false, 0))).part().data().length
                - REPLY_PART.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void thePreviewIsTheMessagePartsText() throws Exception {
        ChosenBody part = bodyPart(read(reader(), reply(), List.of(), part(10, false, 255))).part();
        assertEquals(NEW_TEXT, part.preview(), "not the quoted mail's text");
    }

    @Test
    void onlyBodyPartPreferenceMeansNoBody() throws Exception {
        Map<String, Object> partOnly = read(reader(), reply(), List.of(), part(-1, false, 0));
        assertFalse(partOnly.containsKey(EmailProperties.BODY));
        assertTrue(partOnly.containsKey(EmailProperties.BODY_PART));
        Map<String, Object> both = read(reader(), reply(), List.of(new BodyWish(BodyType.HTML, -1, false, 0)), part(-1, false, 0));
        String body = text(body(both));
        assertTrue(body.contains("Alte Frage"), "the Body is the whole mail, quote and all");
        assertFalse(text(bodyPart(both).part()).contains("Alte Frage"));
        Map<String, Object> bodyOnly = TestMails.read(reader(), reply(), wishes(MimeSupport.NEVER, BodyWish.PLAIN_WHOLE));
        assertFalse(bodyOnly.containsKey(EmailProperties.BODY_PART), "no BodyPart unless asked for");
    }

    @Test
    void aTextMailsPartIsItsNewTextAsAPage() throws Exception {
        byte[] mail = crlf("Subject: Re: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
                + "Ja, 3 < 4.\n\nAm Mittwoch schrieb Anna:\n> Alte Frage?\n");
        String part = text(bodyPart(read(reader(), mail, List.of(), part(-1, false, 0))).part());
        assertTrue(part.startsWith("<html>") && part.contains("<body>Ja, 3 &lt; 4.</body>"), part);

        byte[] unquoted = crlf("Subject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\nNur neu.\nZweite Zeile.\n");
        Map<String, Object> both = read(reader(), unquoted, List.of(new BodyWish(BodyType.HTML, -1, false, 0)), part(-1, false, 0));
        assertEquals(text(body(both)), text(bodyPart(both).part()), "nothing quoted: the part is the Body's HTML");
    }

    @Test
    void aMailWithoutTextHasAnEmptyPart() throws Exception {
        ChosenBody part = bodyPart(read(reader(), bytes("encrypted.eml"), List.of(), part(-1, false, 0))).part();
        assertEquals(0, part.estimatedSize());
        assertArrayEquals(new byte[0], part.data());
    }

    @Test
    void aMailTooLargeToLookIntoIsStatus176() throws Exception {
        MailReader small = new MailReader(ical -> Map.of(), 512);
        ChosenBodyPart tooLarge = bodyPart(read(small, reply(), List.of(), part(-1, false, 0)));
        assertEquals(ChosenBodyPart.Status.TOO_LARGE, tooLarge.status());
        assertEquals(176, tooLarge.status().code);
        assertNull(tooLarge.part().data());
        assertEquals(REPLY_HTML.getBytes(StandardCharsets.UTF_8).length, tooLarge.part().estimatedSize() - trailing(),
                "the whole HTML's size, the most the part can be");
    }
}
