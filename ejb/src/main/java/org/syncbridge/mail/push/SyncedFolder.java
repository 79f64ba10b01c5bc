package org.syncbridge.mail.push;

import org.syncbridge.mail.sync.MailSnapshot;

/**
 * What a device's sync state of a mail folder saw of it (from its {@link MailSnapshot}), and whether the folder as a
 * watcher finds it now differs: a waiting request whose folder moved since its device's last sync is answered at once,
 * not at the folder's next change.
 *
 * @param complete    nothing was left to send to the device
 * @param uidValidity the folder's UIDVALIDITY then (0: the device never got past its first sync key)
 * @param modseq      its HIGHESTMODSEQ then (CONDSTORE servers; 0 elsewhere)
 * @param seen        its UIDNEXT and MESSAGES then (unknown in states written before they were kept)
 * @param highestHeld the highest UID the device holds (0: none)
 * @param held        how many mails the device holds
 */
public record SyncedFolder(boolean complete, long uidValidity, long modseq, MailSnapshot.Seen seen, long highestHeld, long held) {

    public static SyncedFolder of(MailSnapshot s) {
        return new SyncedFolder(s.complete(), s.uidValidity(), s.modseq(), s.seen(), s.held().isEmpty() ? 0 : s.held().max(),
                s.held().size());
    }

    /** Changes wait for the device whatever the folder looks like now: its last sync left some to send. */
    public boolean changesWaiting() {
        return !complete || uidValidity == 0;
    }

    /**
     * Whether the folder, as its STATUS (or SELECT) tells it {@code now}, changed since the device's last sync. With
     * CONDSTORE every change moves HIGHESTMODSEQ. Without it only new mail (UIDNEXT) and expunges (MESSAGES) show:
     * a flag changed by another client before the request parked is seen only at the folder's next change.
     */
    boolean differs(Snapshot now) {
        if (changesWaiting() || now.uidValidity() != uidValidity) {
            return true;
        }
        if (modseq > 0 && now.highestModSeq() > 0) {
            return now.highestModSeq() != modseq;
        }
        if (seen.known()) {
            return now.uidNext() > 0 && now.uidNext() != seen.uidNext() || now.messages() != seen.messages();
        }
        // A state from before UIDNEXT was kept: mail above the highest held UID, or fewer mails than held. A UID above
        // it may belong to mail since deleted; the sync this answer brings keeps UIDNEXT, so that is told once at most.
        return now.uidNext() > highestHeld + 1 || now.messages() < held;
    }
}
