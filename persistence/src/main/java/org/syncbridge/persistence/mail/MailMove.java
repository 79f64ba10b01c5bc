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

/** A mail a device moved: a repeated MoveItems gets the same answer instead of a failure or a second move. */
@Entity
@Table(name = "sb_mail_move")
@NamedQuery(name = MailMove.FORGET_BEFORE, query = "delete from MailMove m where m.id.deviceId = :device and m.movedAt < :before")
public class MailMove {
    public static final String FORGET_BEFORE = "MailMove.forgetBefore";

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "device_id")
        private long deviceId;
        @Column(name = "source_folder_id")
        private long sourceFolderId;
        @Column(name = "source_uid")
        private long sourceUid;

        protected Id() {
        }

        public Id(long deviceId, long sourceFolderId, long sourceUid) {
            this.deviceId = deviceId;
            this.sourceFolderId = sourceFolderId;
            this.sourceUid = sourceUid;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id i && i.deviceId == deviceId && i.sourceFolderId == sourceFolderId && i.sourceUid == sourceUid;
        }

        @Override
        public int hashCode() {
            return Objects.hash(deviceId, sourceFolderId, sourceUid);
        }
    }

    @EmbeddedId
    private Id id;

    @Column(name = "destination_folder_id", nullable = false)
    private long destinationFolderId;

    @Column(name = "destination_uid", nullable = false)
    private long destinationUid;

    @Column(name = "moved_at", nullable = false)
    private Instant movedAt;

    protected MailMove() {
    }

    public MailMove(Id id, long destinationFolderId, long destinationUid, Instant movedAt) {
        this.id = id;
        this.destinationFolderId = destinationFolderId;
        this.destinationUid = destinationUid;
        this.movedAt = movedAt;
    }

    public long getDestinationFolderId() { return destinationFolderId; }
    public long getDestinationUid() { return destinationUid; }
}
