package org.syncbridge.mail.meeting;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.syncbridge.config.SystemSettings;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailConnection;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.message.Invitation;
import org.syncbridge.persistence.folder.ContentType;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.meeting.InvitationScan;
import org.syncbridge.persistence.tenant.User;

/**
 * Brings a user's calendar up to the invitations in the user's Inbox, as soon as the server sees new mail: after a
 * Sync of the Inbox, when the mail watcher sees mail arrive, and before a Sync of one of the user's calendars. Each
 * look starts where the last one ended ({@link InvitationScan}, locked meanwhile, so two looks never apply the same
 * mail) and applies each invitation it finds in a transaction of its own ({@link MeetingCalendar#applyAlone}). A mail
 * whose invitation cannot be read or applied is logged and passed over for good, so it never holds up a Sync.
 * <p>
 * Callers catch what this throws (the IMAP server or the database failing): it must not fail their Sync.
 */
@Stateless
public class MeetingInbox {
    private static final Logger LOG = Logger.getLogger(MeetingInbox.class.getName());
    /** How far back the first look at an Inbox goes, in days (system property syncbridge.meeting.first-look-days). */
    static final String FIRST_LOOK_DAYS = "syncbridge.meeting.first-look-days";
    /** The most mails one look examines (system property syncbridge.meeting.look-max). */
    static final String LOOK_MAX = "syncbridge.meeting.look-max";

    @PersistenceContext
    EntityManager em;

    @Inject
    ImapConnections connections;

    @EJB
    MeetingCalendar calendar;

    /** Looks at the Inbox over a connection from the account's budget (one it kept, when it has one). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void catchUp(long userId, MailLogin login) {
        InvitationScan scan = lock(userId);
        try (MailConnection connection = connections.open(login)) {
            look(userId, connection, scan);
        }
    }

    /**
     * Looks at the Inbox over {@code connection}, which the caller holds; an Inbox it keeps selected is looked at in
     * place and stays selected.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void catchUp(long userId, MailConnection connection) {
        look(userId, connection, lock(userId));
    }

    /**
     * Before a Sync of {@code collectionId}: looks at the Inbox when the collection is one of the user's own calendars
     * (invitations go to the default one), so a phone that syncs its calendar first still finds them there.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void beforeCalendarSync(long userId, MailLogin login, String collectionId) {
        if (login != null && isOwnCalendar(userId, collectionId)) {
            catchUp(userId, login);
        }
    }

    private void look(long userId, MailConnection connection, InvitationScan scan) {
        Instant now = Instant.now();
        Optional<InboxScan.Result> result;
        try {
            result = InboxScan.scan(connection, scan.getUidValidity(), scan.getLastUid(),
                    now.minus(Duration.ofDays(Math.max(0, SystemSettings.intValue(FIRST_LOOK_DAYS, 30)))),
                    Math.max(1, SystemSettings.intValue(LOOK_MAX, 200)));
        } catch (MessagingException e) {
            connection.discard();
            throw new MailUnavailable("looking for invitations in the Inbox of user " + userId + " failed: " + e.getMessage(), e);
        }
        if (result.isEmpty()) {
            return;
        }
        for (InboxScan.Found found : result.get().invitations()) {
            apply(userId, found);
        }
        scan.scanned(result.get().uidValidity(), result.get().lastUid(), now);
        LOG.fine(() -> "Inbox of user " + userId + ": " + result.get().examined() + " new mails examined, "
                + result.get().invitations().size() + " with invitations, up to UID " + result.get().lastUid());
    }

    /** One invitation; what cannot be read or applied is logged and left behind. */
    private void apply(long userId, InboxScan.Found found) {
        Optional<Invitation> invitation = Invitation.parse(found.calendarText());
        if (invitation.isEmpty()) {
            LOG.info(() -> "Inbox mail " + found.uid() + " of user " + userId + " has an iMIP part that cannot be read; passed over");
            return;
        }
        try {
            calendar.applyAlone(userId, invitation.get());
        } catch (RuntimeException e) {
            LOG.warning(() -> "The " + invitation.get().method() + " " + invitation.get().uid() + " in Inbox mail " + found.uid()
                    + " of user " + userId + " could not be applied; passed over: " + e);
        }
    }

    /** The user's look mark, locked until the look commits; made at the user's first look. */
    private InvitationScan lock(long userId) {
        InvitationScan scan = em.find(InvitationScan.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (scan == null) {
            em.find(User.class, userId, LockModeType.PESSIMISTIC_WRITE); // two first looks: one makes the mark
            scan = em.find(InvitationScan.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (scan == null) {
                scan = new InvitationScan(userId);
                em.persist(scan);
                em.flush();
            }
        }
        return scan;
    }

    private boolean isOwnCalendar(long userId, String collectionId) {
        try {
            Folder f = em.find(Folder.class, Long.parseLong(collectionId));
            return f != null && f.getOwner().getId() == userId && f.getContentType() == ContentType.CALENDAR;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
