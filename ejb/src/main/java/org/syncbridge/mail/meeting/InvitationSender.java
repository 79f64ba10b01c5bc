package org.syncbridge.mail.meeting;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.send.MailSending;
import org.syncbridge.mail.send.SendRequest;
import org.syncbridge.mail.send.SendStatus;

/**
 * Sends an organizer's invitations and cancellations ({@link OrganizedMeeting}) through {@link MailSending}, as the
 * user (the same checks, Sent copy and repeat guard as a phone's mail). A message that cannot go out is logged: the
 * write that caused it stands, as a phone's Sync never fails for it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvitationSender {
    private static final Logger LOG = Logger.getLogger(InvitationSender.class.getName());

    /** The messages of one Sync, and whom they are sent for. */
    public record Batch(long userId, String contextName, long deviceId, MailLogin login, List<OrganizedMeeting.Notice> notices) {
    }

    @EJB
    MailSending sending;

    public void send(Batch batch) {
        for (OrganizedMeeting.Notice notice : batch.notices()) {
            Object uid = notice.meeting().get("uid");
            try {
                byte[] mime = ImipRequest.mail(notice.method(), notice.meeting(), Instant.now());
                SendStatus status = sending.send(new SendRequest(batch.userId(), batch.contextName(), batch.deviceId(), batch.login(), mime,
                        null, true, SendRequest.Kind.NEW, null, true, null));
                if (status.sent()) {
                    LOG.info(() -> "Sent the " + notice.method() + " of meeting " + uid + " (SEQUENCE " + OrganizedMeeting.sequence(notice.meeting())
                            + ") for user " + batch.userId());
                } else {
                    LOG.warning(() -> "The " + notice.method() + " of meeting " + uid + " for user " + batch.userId() + " was not sent: " + status);
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "The " + notice.method() + " of meeting " + uid + " for user " + batch.userId() + " was not sent: " + e);
            }
        }
    }
}
