package org.syncbridge.mail.sync;

import jakarta.mail.Flags;
import java.util.Map;

/**
 * How a mailbox differs from what a device holds: mails gone (expunged or moved away), mails that left the
 * date window but still exist, mails whose flags changed, and mails the device lacks.
 */
record MailDiff(UidSet gone, UidSet leftWindow, Map<Long, Flags> changed, UidSet missing) {

    long count() {
        return gone.size() + leftWindow.size() + changed.size() + missing.size();
    }
}
