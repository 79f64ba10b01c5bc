package org.syncbridge.bench.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DovecotTest {

    @Test
    void readsDoveadmMailboxStatus() {
        Map<String, Long> status = Dovecot.parseStatus("INBOX messages=100000 uidnext=110001 uidvalidity=1795446369 highestmodseq=3\n");
        assertEquals(100_000L, status.get("messages"));
        assertEquals(110_001L, status.get("uidnext"));
        assertEquals(3L, status.get("highestmodseq"));
        assertThrows(IllegalStateException.class, () -> Dovecot.parseStatus("Error: Mailbox INBOX: not found"));
    }
}
