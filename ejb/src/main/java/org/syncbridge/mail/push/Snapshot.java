package org.syncbridge.mail.push;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.Status;

/**
 * What a mailbox's STATUS (or SELECT) says about it: new mail moves UIDNEXT, an expunge lowers MESSAGES, a flag
 * change moves HIGHESTMODSEQ (only on CONDSTORE servers; -1 elsewhere), a recreated mailbox changes UIDVALIDITY.
 */
record Snapshot(long uidValidity, long uidNext, long messages, long highestModSeq) {

    static final String[] ITEMS = {"MESSAGES", "UIDNEXT", "UIDVALIDITY"};
    static final String[] ITEMS_WITH_MODSEQ = {"MESSAGES", "UIDNEXT", "UIDVALIDITY", "HIGHESTMODSEQ"};

    static Snapshot of(Status status) {
        return new Snapshot(status.uidvalidity, status.uidnext, status.total, status.highestmodseq > 0 ? status.highestmodseq : -1);
    }

    /** The selected mailbox as its SELECT answered (no further command). */
    static Snapshot of(IMAPFolder open) throws MessagingException {
        return new Snapshot(open.getUIDValidity(), open.getUIDNext(), open.getMessageCount(), -1);
    }

    /**
     * As it is after {@code added} new and {@code removed} expunged messages: UIDNEXT grows at least by the
     * added ones (a server may skip UIDs, which at worst reports a change once too often after a reconnect).
     */
    Snapshot after(int added, int removed) {
        return new Snapshot(uidValidity, uidNext + added, messages + added - removed, highestModSeq);
    }
}
