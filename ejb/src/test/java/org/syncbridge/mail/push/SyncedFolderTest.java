package org.syncbridge.mail.push;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syncbridge.mail.sync.MailSnapshot;
import org.syncbridge.mail.sync.UidSet;

/** Whether a folder as a watcher finds it differs from what the device's last sync saw. */
class SyncedFolderTest {
    static final MailSnapshot.Seen SEEN = new MailSnapshot.Seen(11, 10);

    static SyncedFolder synced(long modseq, MailSnapshot.Seen seen) {
        return SyncedFolder.of(new MailSnapshot(5, modseq, null, true, UidSet.parse("1:10"), null).seeing(seen));
    }

    @Test
    void withCondstoreHighestModseqDecides() {
        SyncedFolder s = synced(700, SEEN);
        assertFalse(s.differs(new Snapshot(5, 11, 10, 700)));
        assertTrue(s.differs(new Snapshot(5, 11, 10, 701)), "a flag changed elsewhere moves it");
        assertTrue(s.differs(new Snapshot(5, 12, 11, 702)), "new mail");
        assertTrue(s.differs(new Snapshot(6, 11, 10, 700)), "a recreated mailbox");
        assertFalse(synced(700, MailSnapshot.Seen.UNKNOWN).differs(new Snapshot(5, 40, 10, 700)), "UIDNEXT does not matter then");
    }

    @Test
    void withoutCondstoreUidnextAndMessagesDecide() {
        SyncedFolder s = synced(0, SEEN);
        assertFalse(s.differs(new Snapshot(5, 11, 10, -1)));
        assertTrue(s.differs(new Snapshot(5, 12, 11, -1)), "new mail");
        assertTrue(s.differs(new Snapshot(5, 12, 10, -1)), "mail that came and went");
        assertTrue(s.differs(new Snapshot(5, 11, 9, -1)), "an expunge");
        assertTrue(s.differs(new Snapshot(6, 11, 10, -1)), "a recreated mailbox");
        assertFalse(s.differs(new Snapshot(5, -1, 10, -1)), "a server that does not tell UIDNEXT");
    }

    @Test
    void aStateFromBeforeUidnextWasKeptComparesWithTheHeldMail() {
        SyncedFolder s = synced(0, MailSnapshot.Seen.UNKNOWN);
        assertFalse(s.differs(new Snapshot(5, 11, 10, -1)));
        assertFalse(s.differs(new Snapshot(5, 11, 30, -1)), "older mail outside the device's window");
        assertTrue(s.differs(new Snapshot(5, 12, 11, -1)), "mail above the highest held UID");
        assertTrue(s.differs(new Snapshot(5, 11, 9, -1)), "fewer mails than held");
    }

    @Test
    void aStateThatLeftChangesToSendHasChangesWaiting() {
        SyncedFolder more = SyncedFolder.of(new MailSnapshot(5, 700, null, false, UidSet.parse("1:10"), null).seeing(SEEN));
        assertTrue(more.changesWaiting());
        assertTrue(more.differs(new Snapshot(5, 11, 10, 700)));
        SyncedFolder first = SyncedFolder.of(MailSnapshot.empty());
        assertTrue(first.changesWaiting(), "only the first sync key: everything is still to come");
        assertFalse(synced(700, SEEN).changesWaiting());
    }
}
