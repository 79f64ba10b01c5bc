package org.syncbridge.persistence.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * The stable id of one of a user's IMAP mailboxes; its ServerId survives renames where the IMAP
 * server names mailboxes by a stable id (RFC 8474 MAILBOXID). An Outbox that the IMAP account lacks
 * exists here only, without an IMAP name.
 */
@Entity
@Table(name = "sb_mail_folder")
@NamedQuery(name = MailFolder.OF_USER, query = "select f from MailFolder f where f.userId = :user order by f.id")
public class MailFolder {
    public static final String OF_USER = "MailFolder.ofUser";

    @Id
    @SequenceGenerator(name = "sb_id", sequenceName = "sb_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sb_id")
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "imap_name", length = 1024)
    private String imapName;

    @Column(nullable = false, length = 16)
    private String role;

    @Column(name = "uid_validity")
    private Long uidValidity;

    @Column(name = "mailbox_id")
    private String mailboxId;

    protected MailFolder() {
    }

    public MailFolder(long userId, String imapName, String role) {
        this.userId = userId;
        this.imapName = imapName;
        this.role = role;
    }

    public Long getId() { return id; }
    public long getUserId() { return userId; }
    public String getImapName() { return imapName; }
    public void setImapName(String imapName) { this.imapName = imapName; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public Long getUidValidity() { return uidValidity; }
    public void setUidValidity(Long uidValidity) { this.uidValidity = uidValidity; }
    public String getMailboxId() { return mailboxId; }
    public void setMailboxId(String mailboxId) { this.mailboxId = mailboxId; }
}
