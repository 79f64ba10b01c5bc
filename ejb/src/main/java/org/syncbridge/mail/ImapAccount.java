package org.syncbridge.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/** One IMAP login's budget of connections and the connections it keeps logged in between requests. */
final class ImapAccount {
    final Semaphore budget;
    private final Deque<MailConnection> idle = new ArrayDeque<>();

    ImapAccount(int places) {
        budget = new Semaphore(places, true);
    }

    /** The most recently used kept connection logged in with this credential; each holds a place of the budget. */
    synchronized Optional<MailConnection> take(byte[] credential) {
        for (Iterator<MailConnection> it = idle.iterator(); it.hasNext(); ) {
            MailConnection c = it.next();
            if (c.sameCredential(credential)) {
                it.remove();
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Takes the least recently used kept connection, to be logged out so that its place can be used otherwise. */
    synchronized Optional<MailConnection> takeOldest() {
        return Optional.ofNullable(idle.pollLast());
    }

    synchronized void keep(MailConnection c) {
        idle.addFirst(c);
    }

    /** Takes the connections kept since before {@code limit}. */
    synchronized List<MailConnection> takeIdleSince(long limit) {
        List<MailConnection> old = new ArrayList<>();
        for (Iterator<MailConnection> it = idle.descendingIterator(); it.hasNext(); ) {
            MailConnection c = it.next();
            if (c.idleSince() >= limit) {
                break;
            }
            it.remove();
            old.add(c);
        }
        return old;
    }

    synchronized int kept() {
        return idle.size();
    }
}
