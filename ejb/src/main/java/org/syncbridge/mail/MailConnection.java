package org.syncbridge.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * One IMAP connection drawn from its account's budget. Closing it hands it back to {@link ImapConnections}, which
 * keeps it, logged in and with its mailbox still selected, for the account's next request: selecting a large
 * mailbox again costs the IMAP server far more than learning what changed in a session that kept it selected.
 */
public final class MailConnection implements AutoCloseable {
    private final Store store;
    private final ImapAccount account;
    private final byte[] credential;
    private final ImapConnections owner;
    private IMAPFolder selected;
    /**
     * How many message objects a kept selection may gather before it is given up: Jakarta Mail keeps one per message
     * it has seen (by sequence number and by UID) for as long as the folder stays open, so a selection kept through a
     * first sync of a large folder would hold all of it.
     */
    public static final int KEPT_MESSAGES = 200;

    /** Message objects the selected folder may hold (see {@link #KEPT_MESSAGES}). */
    private int counted;
    private long idleSince;
    private boolean lent;
    private boolean broken;

    MailConnection(Store store, ImapAccount account, byte[] credential, ImapConnections owner) {
        this.store = store;
        this.account = account;
        this.credential = credential;
        this.owner = owner;
    }

    /** A connection outside any account's budget (for tools and tests): closing it logs out. */
    public static MailConnection of(Store store) {
        MailConnection c = new MailConnection(store, null, new byte[0], null);
        c.lent = true;
        return c;
    }

    /**
     * The store, with no mailbox of ours selected: a mailbox kept from an earlier request is closed first, so that
     * the store's commands run on this connection instead of making Jakarta Mail log in a second time.
     */
    public Store store() {
        unselect();
        return store;
    }

    /** The mailbox kept selected on this connection when it is {@code name}. */
    public Optional<IMAPFolder> selected(String name) {
        if (selected != null && selected.isOpen() && selected.getFullName().equals(name)) {
            return Optional.of(selected);
        }
        unselect();
        return Optional.empty();
    }

    /** Keeps {@code folder}, just opened on this connection, selected for later requests of the account. */
    public void keepSelected(IMAPFolder folder) {
        selected = folder;
        counted = 0;
    }

    /** Counts message objects the selected folder may now hold. */
    public void counted(int n) {
        counted += n;
    }

    /** Message objects counted against the selection since it was made. */
    public int counted() {
        return counted;
    }

    /** Gives the selection up (staying logged in) when it gathered more than {@link #KEPT_MESSAGES} message objects. */
    public void lighten() {
        if (counted > KEPT_MESSAGES) {
            unselect();
        }
    }

    /** Marks the connection as not to be kept: its state is in doubt after an error. */
    public void discard() {
        broken = true;
    }

    private void unselect() {
        IMAPFolder folder = selected;
        selected = null;
        if (folder != null && folder.isOpen()) {
            try {
                folder.close(false);
            } catch (MessagingException | IllegalStateException e) {
                broken = true;
            }
        }
    }

    /** Whether the IMAP server still answers on this connection (one NOOP). */
    boolean alive() {
        if (broken) {
            return false;
        }
        try {
            if (selected != null) {
                selected.doCommand(p -> {
                    p.noop();
                    return null;
                });
                return selected.isOpen();
            }
            return store.isConnected();
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    boolean sameCredential(byte[] other) {
        return java.security.MessageDigest.isEqual(credential, other);
    }

    ImapAccount account() {
        return account;
    }

    boolean broken() {
        return broken;
    }

    long idleSince() {
        return idleSince;
    }

    void lend() {
        lent = true;
    }

    void idle(long now) {
        lent = false;
        idleSince = now;
    }

    /** Logs out; the caller gives the budget's place back. */
    void logout() {
        selected = null;
        try {
            store.close();
        } catch (MessagingException e) {
            // the connection is gone either way
        }
    }

    @Override
    public void close() {
        if (lent) {
            lent = false;
            if (owner == null) {
                logout();
            } else {
                owner.giveBack(this);
            }
        }
    }
}
