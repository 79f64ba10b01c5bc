package org.syncbridge.persistence.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The identity of a message some device was sent: found again by it when its mailbox gets a new UIDVALIDITY. */
@Entity
@Table(name = "sb_mail_message_key")
@NamedQuery(name = MailMessageKey.OF_EPOCH, query = "select k from MailMessageKey k where k.id.folderId = :folder and k.id.uidValidity = :validity")
public class MailMessageKey {
    public static final String OF_EPOCH = "MailMessageKey.ofEpoch";

    @Embeddable
    public static class Id implements Serializable {
        @Column(name = "folder_id")
        private long folderId;
        @Column(name = "uid_validity")
        private long uidValidity;
        @Column(name = "uid")
        private long uid;

        protected Id() {
        }

        public Id(long folderId, long uidValidity, long uid) {
            this.folderId = folderId;
            this.uidValidity = uidValidity;
            this.uid = uid;
        }

        public long uid() {
            return uid;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id i && i.folderId == folderId && i.uidValidity == uidValidity && i.uid == uid;
        }

        @Override
        public int hashCode() {
            return Objects.hash(folderId, uidValidity, uid);
        }
    }

    @EmbeddedId
    private Id id;

    @Column(nullable = false)
    private long identity;

    protected MailMessageKey() {
    }

    public MailMessageKey(long folderId, long uidValidity, long uid, long identity) {
        this.id = new Id(folderId, uidValidity, uid);
        this.identity = identity;
    }

    public long getUid() { return id.uid(); }
    public long getIdentity() { return identity; }
}
