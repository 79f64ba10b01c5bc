package org.syncbridge.persistence.folder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.syncbridge.persistence.tenant.User;

/** A PIM folder (contacts, calendar or tasks) owned by one user. */
@Entity
@Table(name = "sb_folder")
@NamedQuery(name = Folder.OWNED_BY, query = "select f from Folder f where f.owner = :owner order by f.id")
@NamedQuery(name = Folder.SHARED_WITH, query = "select distinct f from Folder f join fetch f.owner join f.shares s"
        + " where s.userId = :user order by f.id")
@NamedQuery(name = Folder.PUBLIC_IN_CONTEXT, query = "select f from Folder f join fetch f.owner"
        + " where f.publicFolder = true and f.owner.context.id = :context and f.owner.id <> :user order by f.id")
@NamedQuery(name = Folder.OWNED_OF_TYPE, query = "select f from Folder f where f.owner.id = :owner and f.contentType = :type order by f.id")
public class Folder {
    public static final String OWNED_BY = "Folder.ownedBy";
    public static final String OWNED_OF_TYPE = "Folder.ownedOfType";
    public static final String SHARED_WITH = "Folder.sharedWith";
    public static final String PUBLIC_IN_CONTEXT = "Folder.publicInContext";

    @Id
    @SequenceGenerator(name = "sb_id", sequenceName = "sb_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sb_id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false)
    private User owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Folder parent;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "content_type", nullable = false, length = 16)
    private ContentType contentType;

    /** The user's default folder for its content type (the one a phone's own items go to). */
    @Column(name = "default_folder", nullable = false)
    private boolean defaultFolder;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    /** The modseq of the folder's last write; writers lock this row before taking the next modseq. */
    @Column(nullable = false)
    private long modseq;

    /** Every user of the context sees a public folder, read-only. */
    @Column(name = "public_folder", nullable = false)
    private boolean publicFolder;

    /** Whether every contact in the folder has its lookup keys; false only for folders older than the keys. */
    @Column(name = "contact_keys_indexed", nullable = false)
    private boolean contactKeysIndexed = true;

    @ElementCollection
    @CollectionTable(name = "sb_folder_share", joinColumns = @JoinColumn(name = "folder_id"))
    private Set<FolderShare> shares = new HashSet<>();

    protected Folder() {
    }

    public Folder(User owner, Folder parent, String name, ContentType contentType, boolean defaultFolder) {
        this.owner = owner;
        this.parent = parent;
        this.name = name;
        this.contentType = contentType;
        this.defaultFolder = defaultFolder;
    }

    public Long getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public Folder getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public ContentType getContentType() {
        return contentType;
    }

    public boolean isDefaultFolder() {
        return defaultFolder;
    }

    /** Renames the folder and puts it below {@code newParent} (null: at the top). */
    public void moveTo(Folder newParent, String newName) {
        this.parent = newParent;
        this.name = newName;
    }

    public boolean isPublicFolder() {
        return publicFolder;
    }

    public void setPublicFolder(boolean publicFolder) {
        this.publicFolder = publicFolder;
    }

    public boolean isContactKeysIndexed() {
        return contactKeysIndexed;
    }

    public void setContactKeysIndexed(boolean contactKeysIndexed) {
        this.contactKeysIndexed = contactKeysIndexed;
    }

    public Set<FolderShare> getShares() {
        return shares;
    }

    public long getModseq() {
        return modseq;
    }

    public void setModseq(long modseq) {
        this.modseq = modseq;
    }
}
