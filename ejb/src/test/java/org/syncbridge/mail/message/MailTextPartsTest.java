package org.syncbridge.mail.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small text tools: encoded words, the UTF-8 budget, the preview, the iCalendar line scan. */
class MailTextPartsTest {

    @Test
    void encodedWordsAreDecodedWhereverTheyStand() {
        assertEquals("Grüße aus Köln", EncodedWords.decode("=?UTF-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?="));
        assertEquals("Jörg Schäfer", EncodedWords.decode("=?ISO-8859-1?Q?J=F6rg_Sch=E4fer?="));
        // a character split between two adjacent words, and the space between them dropped
        assertEquals("東京", EncodedWords.decode("=?UTF-8?B?5p2x5A==?= =?UTF-8?B?uqw=?="));
        assertEquals("Re: Grüße", EncodedWords.decode("Re: =?utf-8?q?Gr=C3=BC=C3=9Fe?="));
        assertEquals("a =?bogus?Q?=ZZ?= b", EncodedWords.decode("a =?bogus?Q?=ZZ?= b"));
        assertEquals("plain", EncodedWords.decode("plain"));
    }

    @Test
    void budgetCountsEveryByteAndKeepsWholeCharactersOnly() {
        Utf8Budget budget = new Utf8Budget(5);
        budget.write("é😀a".toCharArray(), 0, 4); // 2 + 4 + 1 bytes
        budget.close();
        assertEquals(7, budget.total());
        assertTrue(budget.truncated());
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), budget.bytes()); // "a" must not jump the gap
        Utf8Budget lone = new Utf8Budget(100);
        lone.write(new char[]{'x', '\uD83D'}, 0, 2);
        lone.close();
        assertEquals("x\uFFFD", new String(lone.bytes(), StandardCharsets.UTF_8));
        assertFalse(lone.truncated());
    }

    @Test
    void previewCollapsesWhitespaceAndStopsItsWriter() throws Exception {
        PreviewWriter preview = new PreviewWriter(7);
        preview.write("  a\r\n\tb   c");
        assertThrows(PreviewWriter.Enough.class, () -> preview.write(" dddddd"));
        assertEquals("a b c d", preview.text());
    }

    @Test
    void iCalendarLineScan() {
        String ics = "BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nATTENDEE;CN=\"A: B; C\";\r\n PARTSTAT=ACCEPTED:mailto:a@b\r\nEND:VEVENT\r\n";
        assertEquals("REPLY", ICalendarLines.value(ics, "method"));
        assertEquals("ACCEPTED", ICalendarLines.partStat(ics));
        assertEquals(null, ICalendarLines.partStat("BEGIN:VCALENDAR\r\nATTENDEE:mailto:x@y\r\n"));
    }
}
