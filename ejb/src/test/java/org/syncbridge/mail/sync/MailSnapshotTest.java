package org.syncbridge.mail.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MailSnapshotTest {

    @Test
    void roundTripsWithFlags() {
        TreeMap<Long, Integer> flags = new TreeMap<>();
        for (long uid = 1; uid <= 1000; uid++) {
            flags.put(uid, 1);
        }
        flags.put(500L, 3);
        flags.remove(700L);
        MailSnapshot s = new MailSnapshot(42, 0, Instant.ofEpochSecond(1_800_000_000L), true, UidSet.parse("1:1000,2000"), flags);
        String text = s.encode();
        assertTrue(text.endsWith("F499*1,1*3,199*1,1*0,300*1,1*0\n"), text);
        MailSnapshot back = MailSnapshot.decode(text);
        assertEquals(42, back.uidValidity());
        assertEquals(s.cutoff(), back.cutoff());
        assertEquals(s.held(), back.held());
        assertEquals(3, back.flags().get(500L));
        assertNull(back.flags().get(700L));
        assertNull(back.flags().get(2000L));
        assertEquals(999, back.flags().size());
    }

    @Test
    void aHundredThousandHeldMessagesWithCondstoreAreTiny() {
        MailSnapshot s = new MailSnapshot(7, 123456, null, true, UidSet.parse("1:100000"), null);
        assertTrue(s.encode().length() < 64);
        MailSnapshot back = MailSnapshot.decode(s.encode());
        assertEquals(123456, back.modseq());
        assertEquals(100000, back.held().size());
        assertNull(back.flags());
    }

    @Test
    void theWorstCaseHundredThousandStaysUnderAMegabyte() {
        long[] everyOther = new long[100_000];
        TreeMap<Long, Integer> flags = new TreeMap<>();
        for (int i = 0; i < everyOther.length; i++) {
            everyOther[i] = 2L * i + 1;
            flags.put(everyOther[i], i % 3);
        }
        MailSnapshot s = new MailSnapshot(7, 0, null, true, UidSet.of(everyOther), flags);
        String stored = s.encode();
        assertTrue(stored.length() < 1_000_000, "stored " + stored.length());
        MailSnapshot back = MailSnapshot.decode(stored);
        assertEquals(s.held(), back.held());
        assertEquals(flags.get(9L), back.flags().get(9L));
        assertEquals(0, back.flagsOrEmpty().getOrDefault(7L, 0));
    }

    @Test
    void remembersTheDraftsAPhoneAddedByClientId() {
        MailSnapshot s = new MailSnapshot(7, 0, null, true, UidSet.parse("1:3"), null).withDraftsAdded(java.util.Map.of("c 1,=x", "3"));
        MailSnapshot back = MailSnapshot.decode(s.encode());
        assertEquals(java.util.Map.of("c 1,=x", "3"), back.draftsAdded());
        assertEquals(UidSet.parse("1:3"), back.held());
    }

    @Test
    void keepsTheFolderUidnextAndMessagesItWasTakenWith() {
        MailSnapshot s = new MailSnapshot(7, 0, null, true, UidSet.parse("1:3"), new TreeMap<>())
                .withDraftsAdded(java.util.Map.of("c1", "3")).seeing(new MailSnapshot.Seen(12, 9));
        MailSnapshot back = MailSnapshot.decode(s.encode());
        assertEquals(new MailSnapshot.Seen(12, 9), back.seen());
        assertEquals(java.util.Map.of("c1", "3"), back.draftsAdded(), "the other lines still read");
        assertEquals(new MailSnapshot.Seen(12, 9), back.holding(UidSet.parse("1:2"), null).seen(), "the device's own moves keep it");

        String before = new MailSnapshot(7, 0, null, true, UidSet.parse("1:3"), null).encode();
        assertEquals(MailSnapshot.Seen.UNKNOWN, MailSnapshot.decode(before).seen(), "a state stored before it was kept");
        assertEquals(before, MailSnapshot.decode(before).encode());
    }
}
