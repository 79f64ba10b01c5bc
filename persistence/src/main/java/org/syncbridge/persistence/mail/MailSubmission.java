package org.syncbridge.persistence.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A submission a device asked for, by its ClientId or by the iMIP message it carried: a repeat within a week is
 * answered from here instead of being submitted again.
 */
@Entity
@Table(name = "sb_mail_submission")
@NamedQuery(name = MailSubmission.FORGET_BEFORE,
        query = "delete from MailSubmission s where s.id.deviceId = :device and s.createdAt < :before")
public class MailSubmission {
    public static final String FORGET_BEFORE = "MailSubmission.forgetBefore";

    /** While the submission runs; a second request meanwhile is asked to come back. */
    public static final String PENDING = "PENDING";
    /** The SMTP server accepted it. */
    public static final String SENT = "SENT";

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "device_id")
        private long deviceId;
        @Column(name = "send_key", length = 80)
        private String sendKey;

        protected Id() {
        }

        public Id(long deviceId, String sendKey) {
            this.deviceId = deviceId;
            this.sendKey = sendKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id i && i.deviceId == deviceId && i.sendKey.equals(sendKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, sendKey);
        }
    }

    @EmbeddedId
    private Id id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false, length = 16)
    private String outcome;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int repeats;

    protected MailSubmission() {
    }

    public MailSubmission(Id id, long userId, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.outcome = PENDING;
        this.createdAt = createdAt;
    }

    /** Takes over a submission left PENDING by a request that never finished (the server stopped meanwhile). */
    public void restart(Instant now) {
        this.outcome = PENDING;
        this.createdAt = now;
    }

    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public Instant getCreatedAt() { return createdAt; }
    public int getRepeats() { return repeats; }
    public void setRepeats(int repeats) { this.repeats = repeats; }
}
