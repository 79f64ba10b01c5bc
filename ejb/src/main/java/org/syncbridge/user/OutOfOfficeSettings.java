package org.syncbridge.user;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.syncbridge.persistence.user.OofMessage;
import org.syncbridge.persistence.user.OofState;
import org.syncbridge.persistence.user.OutOfOffice;
import org.syncbridge.tenant.RequestRejected;

/** Stores each user's out-of-office state, window and replies. */
@Stateless
public class OutOfOfficeSettings {
    private static final int MAX_REPLY = 8000;

    @PersistenceContext
    EntityManager em;

    public OofSettings get(long userId) {
        OutOfOffice oof = em.find(OutOfOffice.class, userId);
        if (oof == null) {
            return new OofSettings(OofState.DISABLED, null, null, List.of());
        }
        return new OofSettings(oof.getState(), oof.getStartTime(), oof.getEndTime(), oof.getMessages().stream()
                .map(m -> new OofReply(m.getAudience(), m.isEnabled(), m.getReply(), "HTML".equals(m.getBodyType())))
                .toList());
    }

    /**
     * Replaces the state and window; replies are replaced per audience, so a client that sends only
     * the internal reply keeps the external ones.
     */
    public void set(long userId, OofSettings settings) {
        if (settings.state() == OofState.TIME_BASED
                && (settings.start() == null || settings.end() == null || !settings.start().isBefore(settings.end()))) {
            throw RequestRejected.invalid("a time-based out-of-office needs a start before its end");
        }
        OutOfOffice oof = em.find(OutOfOffice.class, userId);
        if (oof == null) {
            oof = new OutOfOffice(userId);
            em.persist(oof);
        }
        oof.setState(settings.state());
        oof.setStartTime(settings.state() == OofState.TIME_BASED ? settings.start() : null);
        oof.setEndTime(settings.state() == OofState.TIME_BASED ? settings.end() : null);
        for (OofReply reply : settings.replies()) {
            if (reply.reply() != null && reply.reply().length() > MAX_REPLY) {
                throw RequestRejected.invalid("an out-of-office reply is longer than " + MAX_REPLY + " characters");
            }
            oof.getMessages().removeIf(m -> m.getAudience() == reply.audience());
            oof.getMessages().add(new OofMessage(reply.audience(), reply.enabled(), reply.reply(), reply.html() ? "HTML" : "TEXT"));
        }
    }
}
