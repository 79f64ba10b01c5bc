package org.syncbridge.mail.push;

import java.util.Set;
import org.syncbridge.jms.Waiter;

/** A parked request's waiter that also ends its interest in mail folders, however the request ends. */
final class ReleasingWaiter implements Waiter {
    private final Waiter waiter;
    private final Lease lease;

    ReleasingWaiter(Waiter waiter, Lease lease) {
        this.waiter = waiter;
        this.lease = lease;
    }

    @Override
    public void changed(Set<String> keys) {
        lease.release();
        waiter.changed(keys);
    }

    @Override
    public void expired() {
        lease.release();
        waiter.expired();
    }

    @Override
    public void replaced() {
        lease.release();
        waiter.replaced();
    }
}
