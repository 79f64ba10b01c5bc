package org.syncbridge.mail.send;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.syncbridge.persistence.mail.MailSubmission;

/**
 * The submissions each device asked for in the last week, by ClientId and by iMIP invitation: each call commits at
 * once, so a repeat that arrives while the first is still being submitted finds it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SendLedger {
    /** MS-ASCMD asks to remember ClientIds; a week covers a phone that comes back after days offline. */
    static final Duration KEPT = Duration.ofDays(7);
    /** A submission PENDING longer than this was cut off (the server stopped) and may be tried again. */
    static final Duration STALE = Duration.ofMinutes(10);

    /** What a claim found. */
    public enum Claim {
        /** Nothing: it is this request's to submit, and recorded as pending. */
        NEW,
        /** Submitted before: answer as then, submit nothing. */
        SENT,
        /** Being submitted by another request right now. */
        BUSY
    }

    /** The result of a claim, with how often the same was asked for before (for the log). */
    public record Found(Claim claim, int repeats) {
    }

    @PersistenceContext
    EntityManager em;

    public Found claim(long userId, long deviceId, String key) {
        Instant now = Instant.now();
        em.createNamedQuery(MailSubmission.FORGET_BEFORE).setParameter("device", deviceId)
                .setParameter("before", now.minus(KEPT)).executeUpdate();
        MailSubmission found = em.find(MailSubmission.class, new MailSubmission.Id(deviceId, key), LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            em.persist(new MailSubmission(new MailSubmission.Id(deviceId, key), userId, now));
            em.flush(); // a concurrent first claim of the same key fails here, not at a later commit
            return new Found(Claim.NEW, 0);
        }
        if (MailSubmission.SENT.equals(found.getOutcome())) {
            found.setRepeats(found.getRepeats() + 1);
            return new Found(Claim.SENT, found.getRepeats());
        }
        if (found.getCreatedAt().isAfter(now.minus(STALE))) {
            return new Found(Claim.BUSY, found.getRepeats());
        }
        found.restart(now);
        return new Found(Claim.NEW, 0);
    }

    /** The claimed submission was accepted by the SMTP server. */
    public void sent(long deviceId, String key) {
        MailSubmission s = em.find(MailSubmission.class, new MailSubmission.Id(deviceId, key));
        if (s != null) {
            s.setOutcome(MailSubmission.SENT);
        }
    }

    /** The claimed submission failed: a repeat may try again. */
    public void release(long deviceId, String key) {
        MailSubmission s = em.find(MailSubmission.class, new MailSubmission.Id(deviceId, key));
        if (s != null && MailSubmission.PENDING.equals(s.getOutcome())) {
            em.remove(s);
        }
    }
}
