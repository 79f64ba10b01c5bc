package org.syncbridge.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.concurrent.Semaphore;

/** One IMAP connection drawn from its user's budget; closing it logs out and gives the place back. */
public final class MailConnection implements AutoCloseable {
    private final Store store;
    private final Semaphore budget;
    private boolean closed;

    MailConnection(Store store, Semaphore budget) {
        this.store = store;
        this.budget = budget;
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            store.close();
        } catch (MessagingException e) {
            // the connection is gone either way
        } finally {
            budget.release();
        }
    }
}
