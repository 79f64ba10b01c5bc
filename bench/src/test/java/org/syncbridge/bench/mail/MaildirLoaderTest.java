package org.syncbridge.bench.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaildirLoaderTest {

    @Test
    void deletedMessagesBecomeAUidSetOfRuns() {
        BitSet deleted = new BitSet();
        deleted.set(0);
        deleted.set(4, 7);
        deleted.set(9);
        assertEquals("1,5:7,10", MaildirLoader.uidSet(deleted));
        assertEquals("", MaildirLoader.uidSet(new BitSet()));
    }

    @Test
    void theDeletedShareIsExactAndSpread() {
        BitSet deleted = MaildirLoader.chooseDeleted(110_000, 10_000, new SplittableRandom(1));
        assertEquals(10_000, deleted.cardinality());
        assertTrue(deleted.get(0, 55_000).cardinality() > 4500 && deleted.get(55_000, 110_000).cardinality() > 4500);
    }

    @Test
    void theFileNameSortsByDateAndCarriesSizesAndFlags() {
        MailCorpus.Message m = new MailCorpus.Message(42, "s", Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
                "a\nb\n".getBytes(StandardCharsets.US_ASCII), 0, true, false, false);
        assertEquals("1700000000.M123456P42.bench,S=4,W=6:2,S", MaildirLoader.fileName(m));
    }
}
