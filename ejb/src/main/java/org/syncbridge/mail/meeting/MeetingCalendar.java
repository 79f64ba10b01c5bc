package org.syncbridge.mail.meeting;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.syncbridge.mail.message.Invitation;
import org.syncbridge.mail.meeting.Applied.Outcome;
import org.syncbridge.persistence.folder.ContentType;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.meeting.MeetingMessage;
import org.syncbridge.persistence.pim.PimItem;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.pim.ItemProperties;
import org.syncbridge.pim.PimStore;

/**
 * A user's calendar as iMIP messages change it (RFC 5546): a REQUEST makes or updates the meeting's appointment in
 * the user's default calendar, a CANCEL cancels it (or deletes the one occurrence it names), a REPLY to a meeting the
 * user organizes records the attendee's answer. Each message is applied once per meeting (UID), occurrence and
 * SEQUENCE ({@link MessageOrder}), whoever brings it first: the Inbox watcher, an Inbox or calendar Sync, or
 * MeetingResponse. An appointment is found by its UID in the user's own calendars. Writes go through the PIM store,
 * which publishes their change notices.
 */
@Stateless
public class MeetingCalendar {
    private static final Logger LOG = Logger.getLogger(MeetingCalendar.class.getName());
    private static final int MAX_UID = 255;

    @PersistenceContext
    EntityManager em;

    @EJB
    PimStore store;

    /** Applies the message in the caller's transaction. */
    public Applied apply(long userId, Invitation message) {
        User user = em.find(User.class, userId);
        Folder calendar = user == null ? null : defaultCalendar(userId);
        if (calendar == null || message.uid().length() > MAX_UID) {
            LOG.info(() -> "iMIP " + message.method() + " " + message.uid() + " not applied: " + (calendar == null
                    ? "user " + userId + " has no calendar" : "its UID is longer than " + MAX_UID));
            return new Applied(Outcome.NOT_APPLICABLE, null);
        }
        // one meeting writer per user at a time; the folder holding the meeting (if another) is locked in id order
        Optional<PimItem> seen = appointment(userId, message.uid(), calendar.getId());
        store.lockBoth(calendar.getId(), seen.map(PimItem::getFolderId).orElse(calendar.getId()));
        Optional<PimItem> current = appointment(userId, message.uid(), calendar.getId());
        Set<String> own = addresses(user);
        Applied applied = switch (message.method()) {
            case "REQUEST" -> request(userId, message, own, calendar, current);
            case "CANCEL" -> cancel(userId, message, own, current);
            default -> reply(userId, message, own, current);
        };
        LOG.fine(() -> "iMIP " + message.method() + " " + message.uid() + " (SEQUENCE " + message.sequence() + ") for user "
                + userId + ": " + applied.outcome());
        return applied;
    }

    /**
     * Applies the iMIP text of a mail's calendar part (see MailReader.invitationText) in the caller's transaction, its
     * floating times read in the server's zone as the mail's MeetingRequest reads them; empty when the text is no
     * readable REQUEST, CANCEL or REPLY.
     */
    public Optional<Applied> apply(long userId, String icalendarText) {
        return Invitation.parse(icalendarText).map(message -> apply(userId, message));
    }

    /** Applies the message in a transaction of its own: a failure leaves the caller's work and other messages alone. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Applied applyAlone(long userId, Invitation message) {
        return apply(userId, message);
    }

    /**
     * The appointment of the meeting with this UID in the user's own calendars: the one in the default calendar, else
     * the oldest (a phone may hold a copy elsewhere).
     */
    public Optional<AppointmentRef> find(long userId, String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > MAX_UID) {
            return Optional.empty();
        }
        Folder calendar = defaultCalendar(userId);
        return appointment(userId, uid, calendar == null ? -1 : calendar.getId()).map(MeetingCalendar::ref);
    }

    /**
     * Records the user's answer on the meeting's appointment, in a transaction of its own: the appointment at
     * {@code where} (a calendar item the phone named) or else the one with {@code uid}; {@code occurrence} (the
     * original start of one occurrence of a series) or null for the whole meeting. A declined meeting is deleted, a
     * declined occurrence deleted from its series, as Exchange does. Writes go through the PIM store, whose change
     * notices give the user's other devices a Change (or a Delete), never a second appointment.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Answered answer(long userId, AppointmentRef where, String uid, Instant occurrence, MeetingAnswer answer) {
        User user = em.find(User.class, userId);
        Folder calendar = user == null ? null : defaultCalendar(userId);
        Optional<PimItem> named = where == null ? Optional.empty() : store.find(where.folderId(), where.itemId());
        if (where != null && (named.isEmpty() || !ownFolder(userId, named.get().getFolderId()))) {
            return Answered.refused(Answered.Outcome.NOT_A_MEETING);
        }
        String meetingUid = named.map(PimItem::getUid).orElse(uid);
        if (user == null || meetingUid == null || meetingUid.isEmpty() || meetingUid.length() > MAX_UID) {
            return Answered.refused(Answered.Outcome.NOT_A_MEETING);
        }
        long defaultId = calendar == null ? -1 : calendar.getId();
        PimItem seen = named.or(() -> appointment(userId, meetingUid, defaultId)).orElse(null);
        if (seen == null) {
            return Answered.refused(Answered.Outcome.NOT_A_MEETING);
        }
        store.lockBoth(defaultId < 0 ? seen.getFolderId() : defaultId, seen.getFolderId()); // the order apply() locks in
        PimItem item = em.find(PimItem.class, seen.getId());
        if (item == null) {
            return Answered.refused(Answered.Outcome.NOT_A_MEETING);
        }
        em.refresh(item);
        Map<String, Object> before = ItemProperties.fromJson(item.getProperties());
        Set<String> own = addresses(user);
        Object organizer = before.get("organizerEmail");
        if (organizer == null || String.valueOf(organizer).isBlank() || own.contains(lower(String.valueOf(organizer)))) {
            return Answered.refused(Answered.Outcome.NOT_A_MEETING); // MS-ASCMD: the user's own meeting is no request
        }
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (occurrence != null) {
            String start = occurrence.toString();
            if (!before.containsKey("recurrence.type") || MeetingAnswers.occurrenceDeleted(before, start)) {
                return Answered.refused(Answered.Outcome.NO_SUCH_OCCURRENCE);
            }
            PimItem changed = store.change(item, MeetingAnswers.occurrenceAnswered(before, start, answer, own, now));
            return new Answered(answer == MeetingAnswer.DECLINE ? Answered.Outcome.REMOVED : Answered.Outcome.ANSWERED,
                    ref(changed), before);
        }
        if (answer == MeetingAnswer.DECLINE) {
            store.delete(item);
            return new Answered(Answered.Outcome.REMOVED, null, before);
        }
        return new Answered(Answered.Outcome.ANSWERED, ref(store.change(item, MeetingAnswers.answered(before, answer, own, now))), before);
    }

    private boolean ownFolder(long userId, long folderId) {
        Folder f = em.find(Folder.class, folderId);
        return f != null && f.getOwner().getId() == userId && f.getContentType() == ContentType.CALENDAR;
    }

    private Applied request(long userId, Invitation request, Set<String> own, Folder calendar, Optional<PimItem> current) {
        if (own.contains(lower(request.organizer()))) {
            return new Applied(Outcome.NOT_FOR_USER, current.map(MeetingCalendar::ref).orElse(null));
        }
        boolean occurrence = request.recurrenceId() != null;
        Map<String, Object> before = current.map(i -> ItemProperties.fromJson(i.getProperties())).orElse(null);
        boolean ofSeries = occurrence && before != null && before.containsKey("recurrence.type");
        if (!accepted(userId, request, ofSeries)) {
            return new Applied(Outcome.OUTDATED, current.map(MeetingCalendar::ref).orElse(null));
        }
        if (ofSeries) {
            Map<String, Object> changed = MeetingItems.occurrenceRequested(before, request, own);
            for (Invitation other : request.overrides()) { // several occurrences in one message
                changed = MeetingItems.occurrenceRequested(changed, other, own);
            }
            return new Applied(Outcome.UPDATED, ref(store.change(current.get(), changed)));
        }
        Map<String, Object> properties = MeetingItems.requested(request, own, before);
        if (current.isPresent()) {
            return new Applied(Outcome.UPDATED, ref(store.change(current.get(), properties)));
        }
        return new Applied(Outcome.CREATED, ref(store.add(calendar.getId(), properties)));
    }

    private Applied cancel(long userId, Invitation cancel, Set<String> own, Optional<PimItem> current) {
        if (own.contains(lower(cancel.organizer()))) {
            return new Applied(Outcome.NOT_FOR_USER, current.map(MeetingCalendar::ref).orElse(null));
        }
        Map<String, Object> before = current.map(i -> ItemProperties.fromJson(i.getProperties())).orElse(null);
        boolean ofSeries = cancel.recurrenceId() != null && before != null && before.containsKey("recurrence.type");
        if (!accepted(userId, cancel, ofSeries)) { // recorded even without an appointment: a late, older REQUEST stays out
            return new Applied(Outcome.OUTDATED, current.map(MeetingCalendar::ref).orElse(null));
        }
        if (current.isEmpty()) {
            return new Applied(Outcome.UNKNOWN_MEETING, null);
        }
        Map<String, Object> changed = ofSeries ? MeetingItems.occurrenceCancelled(before, cancel) : MeetingItems.cancelled(before, cancel);
        for (Invitation other : ofSeries ? cancel.overrides() : List.<Invitation>of()) {
            changed = MeetingItems.occurrenceCancelled(changed, other);
        }
        return new Applied(Outcome.CANCELED, ref(store.change(current.get(), changed)));
    }

    private Applied reply(long userId, Invitation reply, Set<String> own, Optional<PimItem> current) {
        Invitation.Attendee who = MeetingItems.answering(reply);
        if (current.isEmpty() || who == null) {
            return new Applied(Outcome.UNKNOWN_MEETING, current.map(MeetingCalendar::ref).orElse(null));
        }
        Map<String, Object> before = ItemProperties.fromJson(current.get().getProperties());
        Object organizer = before.get("organizerEmail");
        if (organizer != null && !own.contains(lower(String.valueOf(organizer)))) {
            return new Applied(Outcome.NOT_FOR_USER, ref(current.get()));
        }
        MeetingMessage.Id id = new MeetingMessage.Id(userId, reply.uid(), instance(reply), lower(who.address()));
        MeetingMessage seen = em.find(MeetingMessage.class, id);
        if (!MessageOrder.applies("REPLY", reply.sequence(), reply.dtStamp(), seen(seen), null)) {
            return new Applied(Outcome.OUTDATED, ref(current.get()));
        }
        record(id, seen, reply);
        return new Applied(Outcome.REPLY_RECORDED, ref(store.change(current.get(), MeetingItems.replied(before, reply))));
    }

    /**
     * Whether the organizer's message is newer than what was applied for its meeting and occurrence (and, for an
     * occurrence of a known series, than the last message about the whole series); if so it is recorded as applied.
     */
    private boolean accepted(long userId, Invitation message, boolean ofSeries) {
        MeetingMessage.Id id = new MeetingMessage.Id(userId, message.uid(), instance(message), "");
        MeetingMessage same = em.find(MeetingMessage.class, id);
        MeetingMessage series = ofSeries ? em.find(MeetingMessage.class, new MeetingMessage.Id(userId, message.uid(), "", "")) : null;
        if (!MessageOrder.applies(message.method(), message.sequence(), message.dtStamp(), seen(same), seen(series))) {
            return false;
        }
        record(id, same, message);
        return true;
    }

    private void record(MeetingMessage.Id id, MeetingMessage seen, Invitation message) {
        if (seen == null) {
            em.persist(new MeetingMessage(id, message.method(), message.sequence(), message.dtStamp()));
        } else {
            seen.replace(message.method(), message.sequence(), message.dtStamp());
        }
    }

    private static MessageOrder.Seen seen(MeetingMessage m) {
        return m == null ? null : new MessageOrder.Seen(m.getMethod(), m.getSequence(), m.getDtstamp());
    }

    /** The occurrence a message is about: its original start, "" for the whole meeting. */
    private static String instance(Invitation message) {
        return message.recurrenceId() == null ? "" : message.recurrenceId().toString();
    }

    private Optional<PimItem> appointment(long userId, String uid, long defaultCalendarId) {
        List<PimItem> found = store.appointmentsWithUid(userId, uid);
        return found.stream().filter(i -> i.getFolderId() == defaultCalendarId).findFirst().or(() -> found.stream().findFirst());
    }

    /** The user's default calendar; the first of the user's calendars when none is marked default. */
    private Folder defaultCalendar(long userId) {
        List<Folder> calendars = em.createNamedQuery(Folder.OWNED_OF_TYPE, Folder.class).setParameter("owner", userId)
                .setParameter("type", ContentType.CALENDAR).getResultList();
        return calendars.stream().filter(Folder::isDefaultFolder).findFirst().or(() -> calendars.stream().findFirst()).orElse(null);
    }

    /** The user's own addresses, lower-case. */
    private static Set<String> addresses(User user) {
        Set<String> own = new HashSet<>();
        if (user.getPrimaryEmail() != null) {
            own.add(lower(user.getPrimaryEmail()));
        }
        user.getAliases().forEach(a -> own.add(lower(a)));
        return own;
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private static AppointmentRef ref(PimItem item) {
        return new AppointmentRef(item.getFolderId(), item.getId());
    }
}
