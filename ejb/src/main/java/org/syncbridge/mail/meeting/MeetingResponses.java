package org.syncbridge.mail.meeting;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.message.Invitation;
import org.syncbridge.mail.meeting.MeetingResponseResult.Status;
import org.syncbridge.mail.send.MailSending;
import org.syncbridge.mail.send.SendRequest;
import org.syncbridge.mail.send.SendStatus;
import org.syncbridge.mail.send.Senders;
import org.syncbridge.mail.sync.InvitationMails;
import org.syncbridge.mail.sync.MailSources;
import org.syncbridge.mail.sync.MailSources.SourceMail;
import org.syncbridge.persistence.folder.ContentType;
import org.syncbridge.persistence.folder.Folder;

/**
 * MeetingResponse (MS-ASCMD 2.2.1.11): the user accepts, tentatively accepts or declines a meeting, named by its
 * request mail (in a mail folder, or by a Search's LongId) or by its calendar item, the whole meeting or one
 * occurrence (InstanceId, calendar items only). The answer goes to the ONE appointment of the meeting's UID: a
 * request mail whose invitation the server has not applied yet is applied first (the phone may answer before the
 * server looked at the Inbox), so no second appointment appears anywhere. At 16.0/16.1 with SendResponse the server
 * sends the iMIP answer to the organizer; up to 14.1 the phone sends it itself with SendMail and nothing goes out
 * here. An answered request mail then moves to Deleted Items, as Exchange moves it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MeetingResponses {
    private static final Logger LOG = Logger.getLogger(MeetingResponses.class.getName());

    @PersistenceContext
    EntityManager em;

    @EJB
    MeetingCalendar calendar;

    @EJB
    MailSources sources;

    @EJB
    InvitationMails mails;

    @EJB
    MailSending sending;

    @EJB
    Senders senders;

    public MeetingResponseResult respond(MeetingResponseRequest r) {
        AppointmentRef item = calendarItem(r);
        Optional<SourceMail> mail = item == null ? sources.find(r.deviceId(), r.userId(), r.collectionId(), r.requestId(), r.longId())
                : Optional.empty();
        if (item == null && mail.isEmpty()) {
            return refuse(r, "names neither a calendar item nor a mail of the user");
        }
        String uid = null;
        Instant occurrence = r.occurrence();
        if (mail.isPresent()) {
            if (occurrence != null) { // MS-ASCMD 2.2.3.177.9: InstanceId with a meeting request mail is status 2
                return refuse(r, "has an InstanceId with a meeting request mail");
            }
            InvitationMails.Read read = mails.read(r.login(), mail.get());
            Optional<Invitation> invitation = read.calendarText().flatMap(Invitation::parse);
            if (invitation.isEmpty() || !invitation.get().method().equals("REQUEST")) {
                return refuse(r, read.found() ? "names a mail that is no meeting request" : "names a mail that is gone");
            }
            Applied applied = calendar.applyAlone(r.userId(), invitation.get()); // a no-op when applied before
            if (applied.outcome() == Applied.Outcome.NOT_FOR_USER || applied.outcome() == Applied.Outcome.NOT_APPLICABLE) {
                return refuse(r, "names a request the user cannot answer (" + applied.outcome() + ")");
            }
            uid = invitation.get().uid();
            occurrence = invitation.get().recurrenceId(); // a request for one occurrence is answered for that one
        }
        Answered answered = calendar.answer(r.userId(), item, uid, occurrence, r.answer());
        switch (answered.outcome()) {
            case NOT_A_MEETING:
                return refuse(r, "names no meeting the user was invited to");
            case NO_SUCH_OCCURRENCE:
                return refuse(r, "names an occurrence the series does not have");
            default:
                break;
        }
        if (r.serverSends() && r.send() != null && !send(r, answered, occurrence)) {
            return MeetingResponseResult.of(Status.MAILBOX_ERROR);
        }
        if (mail.isPresent()) {
            try {
                mails.toDeletedItems(r.userId(), r.login(), mail.get());
            } catch (MailUnavailable e) { // the answer stands; the mail stays where it is
                LOG.warning(() -> "The answered meeting request of user " + r.userId() + " stays in the Inbox: " + e.getMessage());
            }
        }
        AppointmentRef appointment = answered.appointment();
        return new MeetingResponseResult(Status.SUCCESS, r.answer() == MeetingAnswer.DECLINE || appointment == null ? null
                : String.valueOf(appointment.itemId()));
    }

    /** The iMIP answer to the organizer, from the address the user was invited by. */
    private boolean send(MeetingResponseRequest r, Answered answered, Instant occurrence) {
        Map<String, Object> meeting = answered.meeting();
        Senders.Sender sender = senders.of(r.userId());
        String address = invitedAddress(meeting, sender);
        if (address == null) {
            LOG.warning(() -> "No answer mail for user " + r.userId() + ": the user has no address");
            return false;
        }
        MeetingResponseRequest.Send s = r.send();
        ImipReply.Proposal proposal = s.proposedStart() != null && s.proposedEnd() != null && s.proposedEnd().isAfter(s.proposedStart())
                ? new ImipReply.Proposal(s.proposedStart(), s.proposedEnd()) : null;
        byte[] mime = ImipReply.mail(meeting, occurrence, r.answer(), new ImipReply.From(address, sender.displayName()), s.text(),
                proposal, Instant.now());
        SendStatus status = sending.send(new SendRequest(r.userId(), r.contextName(), r.deviceId(), r.login(), mime, null,
                true, SendRequest.Kind.NEW, null, true, null));
        if (!status.sent()) {
            LOG.warning(() -> "The answer of user " + r.userId() + " to " + meeting.get("uid") + " was not sent: " + status);
        }
        return status.sent();
    }

    /** The user's address among the meeting's attendees (an alias may have been invited), else the primary one. */
    private static String invitedAddress(Map<String, Object> meeting, Senders.Sender sender) {
        if (meeting.get("attendees") instanceof java.util.List<?> attendees) {
            for (Object a : attendees) {
                if (a instanceof Map<?, ?> m && m.get("email") != null
                        && sender.addresses().contains(String.valueOf(m.get("email")).toLowerCase(Locale.ROOT))) {
                    return String.valueOf(m.get("email"));
                }
            }
        }
        return sender.primary();
    }

    /** The calendar item the request names, when its collection is one of the user's own calendars. */
    private AppointmentRef calendarItem(MeetingResponseRequest r) {
        if (r.longId() != null && !r.longId().isBlank()) {
            return null;
        }
        Optional<Long> folderId = number(r.collectionId());
        Folder folder = folderId.map(id -> em.find(Folder.class, id)).orElse(null);
        if (folder == null || folder.getOwner().getId() != r.userId() || folder.getContentType() != ContentType.CALENDAR) {
            return null;
        }
        return number(r.requestId()).map(id -> new AppointmentRef(folder.getId(), id)).orElse(new AppointmentRef(folder.getId(), -1));
    }

    private static MeetingResponseResult refuse(MeetingResponseRequest r, String why) {
        LOG.info(() -> "MeetingResponse of user " + r.userId() + " refused: the request " + why);
        return MeetingResponseResult.of(Status.INVALID_REQUEST);
    }

    private static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
