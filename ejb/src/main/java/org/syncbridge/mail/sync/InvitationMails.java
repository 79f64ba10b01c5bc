package org.syncbridge.mail.sync;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.MailFolderDirectory;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.message.MailReader;
import org.syncbridge.mail.sync.MailSources.SourceMail;

/**
 * The meeting request mail a MeetingResponse names: its iMIP text, read without marking it read, and, once answered,
 * its move to Deleted Items as Exchange moves it. The devices' states are left alone: every device, the answering one
 * too, sees the mail leave the Inbox as a Delete at its next Sync, and arrive in Deleted Items as an Add.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvitationMails {
    private static final Logger LOG = Logger.getLogger(InvitationMails.class.getName());

    /** What the mail holds. */
    public record Read(boolean found, Optional<String> calendarText) {
    }

    @Inject
    ImapConnections connections;

    @EJB
    MailFolderDirectory folders;

    public Read read(MailLogin login, SourceMail mail) {
        try (MailConnection connection = connections.open(login); Mailbox box = Mailbox.open(connection, mail.mailbox())) {
            Optional<IMAPMessage> message = box.message(mail.uid());
            if (message.isEmpty()) {
                return new Read(false, Optional.empty());
            }
            message.get().setPeek(true);
            try {
                return new Read(true, MailReader.invitationText(message.get()));
            } catch (IOException | RuntimeException e) {
                LOG.info(() -> "Mail " + mail.uid() + " in " + mail.mailbox() + " was not read for an invitation: " + e);
                return new Read(true, Optional.empty());
            }
        } catch (MessagingException e) {
            throw new MailUnavailable("reading a meeting request of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }

    /** Moves the mail to Deleted Items; false when the account has none or the mail is gone already. */
    public boolean toDeletedItems(long userId, MailLogin login, SourceMail mail) {
        Optional<String> trash = folders.trashMailbox(userId, login);
        if (trash.isEmpty() || trash.get().equals(mail.mailbox())) {
            LOG.info(() -> "The answered meeting request " + mail.uid() + " of user " + userId + " stays in " + mail.mailbox()
                    + (trash.isEmpty() ? ": the account has no Deleted Items" : ""));
            return false;
        }
        try (MailConnection connection = connections.open(login); Mailbox box = Mailbox.open(connection, mail.mailbox())) {
            Optional<IMAPMessage> message = box.message(mail.uid());
            if (message.isEmpty()) {
                return false;
            }
            box.moveTo(message.get(), trash.get());
            return true;
        } catch (MessagingException e) {
            throw new MailUnavailable("moving a meeting request of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }
}
