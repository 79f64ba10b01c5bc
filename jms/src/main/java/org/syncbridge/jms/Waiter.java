package org.syncbridge.jms;

import java.util.Set;

/** A parked request's way back to its client; exactly one of these is called, once, on some thread. */
public interface Waiter {

    /** Something it watches changed (the keys that did). */
    void changed(Set<String> keys);

    /** Its time ran out without a change. */
    void expired();

    /** A newer request from the same device took its place. */
    void replaced();
}
