package org.syncbridge.bench.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailCorpusTest {
    private static final Instant NEWEST = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aMessageIsAlwaysTheSameBytes() {
        MailCorpus a = new MailCorpus("mia@bench.test", NEWEST, 1000);
        MailCorpus b = new MailCorpus("mia@bench.test", NEWEST, 1000);
        assertArrayEquals(a.message(417).bytes(), b.message(417).bytes());
        assertEquals(a.message(417).date(), b.message(417).date());
    }

    @Test
    void datesRiseWithTheNumberAndEndAtTheNewest() {
        MailCorpus corpus = new MailCorpus("mia@bench.test", NEWEST, 110_000);
        Instant before = Instant.MIN;
        for (int n = 0; n < 110_000; n += 997) {
            Instant date = corpus.message(n).date();
            assertTrue(date.getEpochSecond() > before.getEpochSecond(), "message " + n);
            before = date;
        }
        assertTrue(corpus.message(109_999).date().isBefore(NEWEST.plusSeconds(3600)));
        assertTrue(corpus.message(0).date().isAfter(NEWEST.minusSeconds(3L * 366 * 86400)));
        // a small folder spans days, not years
        assertTrue(new MailCorpus("x@bench.test", NEWEST, 110).message(0).date().isAfter(NEWEST.minusSeconds(40L * 86400)));
    }

    @Test
    void theMixLooksLikeAnInbox() {
        MailCorpus corpus = new MailCorpus("mia@bench.test", NEWEST, 2000);
        List<Integer> sizes = new ArrayList<>();
        int withAttachment = 0;
        int seen = 0;
        int plainOnly = 0;
        for (int n = 0; n < 2000; n++) {
            MailCorpus.Message m = corpus.message(n);
            String text = new String(m.bytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("Subject: " + m.subject() + "\n"));
            assertTrue(text.contains(MailCorpus.MARKER + n + "."), "the body names its number");
            assertFalse(text.contains("\r"), "maildir files have LF line ends");
            sizes.add(m.bytes().length);
            withAttachment += m.attachments();
            seen += m.seen() ? 1 : 0;
            plainOnly += text.contains("multipart/") ? 0 : 1;
        }
        sizes.sort(Integer::compare);
        int median = sizes.get(1000);
        assertTrue(median > 1500 && median < 15_000, "median size " + median);
        assertTrue(sizes.get(1999) > 60_000, "some carry attachments or long HTML");
        assertTrue(withAttachment > 140 && withAttachment < 260, withAttachment + " with an attachment");
        assertTrue(plainOnly > 450 && plainOnly < 750, plainOnly + " plain-text only");
        assertTrue(seen > 1850 && seen < 1990, seen + " read");
    }

    @Test
    void newMailIsUnreadAndTheSubjectNamesTheNumber() {
        MailCorpus corpus = new MailCorpus("mia@bench.test", NEWEST, 100);
        MailCorpus.Message fresh = corpus.message(150, NEWEST.plusSeconds(60));
        assertFalse(fresh.seen());
        assertEquals(NEWEST.plusSeconds(60), fresh.date());
        assertEquals(150, MaildirLoader.Loaded.number(fresh.subject()));
        assertEquals(-1, MaildirLoader.Loaded.number("Re: something"));
        assertTrue(fresh.subject().chars().allMatch(c -> c < 128));
    }

    @Test
    void theVirtualSizeCountsCrlf() {
        MailCorpus.Message m = new MailCorpus.Message(1, "s", NEWEST, "a\nbc\n".getBytes(StandardCharsets.US_ASCII), 0, true, true, true);
        assertEquals(7, m.virtualSize());
        assertEquals(":2,FRS", m.maildirFlags());
    }
}
