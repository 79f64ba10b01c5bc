package org.syncbridge.mail.send;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.sync.MailSources.SourceMail;

/**
 * What a submission does on the IMAP server, over one connection of the user's budget, opened only when needed:
 * read the original of a SmartReply or SmartForward, append the submitted message to Sent, flag the original.
 */
final class ImapLink implements AutoCloseable {
    private final ImapConnections connections;
    private final MailLogin login;
    private MailConnection connection;
    private boolean failed;

    ImapLink(ImapConnections connections, MailLogin login) {
        this.connections = connections;
        this.login = login;
    }

    private Store store() {
        if (connection == null) {
            connection = connections.open(login);
        }
        failed = true; // until the command using it succeeds: a connection in doubt is not kept for the next request
        return connection.store();
    }

    /**
     * Copies the original, as the server holds it, into {@code file} without marking it read; answers its size, or
     * nothing when it is gone.
     */
    OptionalLong fetch(SourceMail source, Path file) throws MessagingException, IOException {
        IMAPFolder folder = (IMAPFolder) store().getFolder(source.mailbox());
        try {
            folder.open(Folder.READ_ONLY);
        } catch (FolderNotFoundException e) {
            failed = false;
            return OptionalLong.empty();
        }
        OptionalLong size = OptionalLong.empty();
        try {
            Message found = folder.getMessageByUID(source.uid());
            if (found != null && !found.isExpunged()) {
                IMAPMessage original = (IMAPMessage) found;
                original.setPeek(true);
                try (OutputStream out = Files.newOutputStream(file)) {
                    original.writeTo(out);
                }
                size = OptionalLong.of(Files.size(file));
            }
        } finally {
            folder.close(false);
        }
        failed = false;
        return size;
    }

    /** Appends the submitted bytes to {@code mailbox} with \Seen, creating the mailbox if it went missing. */
    void appendSeen(String mailbox, Outgoing message, Session session) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store().getFolder(mailbox);
        Message copy = message.message(session, "");
        copy.setFlag(Flags.Flag.SEEN, true);
        try {
            folder.appendMessages(new Message[] {copy});
        } catch (MessagingException e) {
            if (folder.exists() || !folder.create(Folder.HOLDS_MESSAGES)) {
                throw e;
            }
            folder.appendMessages(new Message[] {copy}); // deleted by another mail program since it was listed
        }
        failed = false;
    }

    /** Sets a flag (\Answered) or keyword ($Forwarded) on the original; false when it is gone. */
    boolean flag(SourceMail source, Flags flags) throws MessagingException {
        IMAPFolder folder = (IMAPFolder) store().getFolder(source.mailbox());
        folder.open(Folder.READ_WRITE);
        boolean flagged = false;
        try {
            Message found = folder.getMessageByUID(source.uid());
            if (found != null && !found.isExpunged()) {
                found.setFlags(flags, true);
                flagged = true;
            }
        } finally {
            folder.close(false);
        }
        failed = false;
        return flagged;
    }

    @Override
    public void close() {
        if (connection != null) {
            if (failed) {
                connection.discard();
            }
            connection.close();
        }
    }
}
