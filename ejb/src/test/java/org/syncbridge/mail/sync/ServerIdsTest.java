package org.syncbridge.mail.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServerIdsTest {

    @Test
    void plainServerIdsAreUids() {
        assertEquals("42", ServerIds.PLAIN.serverId(42));
        assertEquals(Optional.of(42L), ServerIds.PLAIN.uid("42"));
        assertTrue(ServerIds.PLAIN.uid("x").isEmpty());
    }

    @Test
    void afterANewUidValidityFoundMailKeepsItsServerIdAndNewMailNeverMeetsAnOldOne() {
        TreeMap<Long, Long> found = new TreeMap<>();
        for (long i = 0; i < 1000; i++) {
            found.put(1 + i, 501 + i); // the mailbox came back in order: one run
        }
        ServerIds ids = ServerIds.after(found, 1500);
        assertEquals("501", ids.serverId(1));
        assertEquals("1500", ids.serverId(1000));
        assertEquals("2501", ids.serverId(1001), "new mail: above every ServerId in use");
        assertEquals(Optional.of(1L), ids.uid("501"));
        assertEquals(Optional.of(1001L), ids.uid("2501"));
        assertTrue(ids.uid("1501").isEmpty(), "UID 1 is known as 501, not as 1 + offset");
        String encoded = ids.encode();
        assertEquals("1500;1:501:1000", encoded);
        ServerIds back = ServerIds.decode(encoded);
        assertEquals("1500", back.serverId(1000));
        MailSnapshot s = new MailSnapshot(9, 0, null, true, UidSet.parse("1:1000"), null, ids);
        assertEquals("2501", MailSnapshot.decode(s.encode()).ids().serverId(1001));
        assertEquals("1500;1:501:10", s.holding(UidSet.parse("1:10"), null).ids().encode(), "aliases of mail no longer held go");
    }
}
