package org.syncbridge.persistence.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest iMIP message applied to a user's calendar for one meeting (UID) and occurrence ({@code instance}, its
 * original start; "" for the whole meeting): the organizer's REQUEST or CANCEL ({@code attendee} ""), or an
 * attendee's REPLY.
 */
@Entity
@Table(name = "sb_meeting_message")
public class MeetingMessage {

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "user_id")
        private long userId;
        @Column(name = "uid", length = 255)
        private String uid;
        @Column(name = "instance", length = 32)
        private String instance;
        @Column(name = "attendee", length = 320)
        private String attendee;

        protected Id() {
        }

        public Id(long userId, String uid, String instance, String attendee) {
            this.userId = userId;
            this.uid = uid;
            this.instance = instance;
            this.attendee = attendee;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id i && i.userId == userId && i.uid.equals(uid) && i.instance.equals(instance) && i.attendee.equals(attendee);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, uid, instance, attendee);
        }
    }

    @EmbeddedId
    private Id id;

    @Column(nullable = false, length = 8)
    private String method;

    @Column(nullable = false)
    private int sequence;

    @Column(nullable = false)
    private Instant dtstamp;

    protected MeetingMessage() {
    }

    public MeetingMessage(Id id, String method, int sequence, Instant dtstamp) {
        this.id = id;
        this.method = method;
        this.sequence = sequence;
        this.dtstamp = dtstamp;
    }

    public String getMethod() { return method; }
    public int getSequence() { return sequence; }
    public Instant getDtstamp() { return dtstamp; }

    public void replace(String newMethod, int newSequence, Instant newDtstamp) {
        this.method = newMethod;
        this.sequence = newSequence;
        this.dtstamp = newDtstamp;
    }
}
