package org.syncbridge.persistence.pim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A contact, appointment or task: its properties as a JSON object (the names are the store's own,
 * mapped per protocol by declarative tables), and the modseq of its last write.
 */
@Entity
@Table(name = "sb_pim_item")
// ORDER BY names folder_id too, though it is fixed: only then does H2 walk ix_pim_item_changes in order and stop
// at the window's limit instead of sorting every later item of the folder (ChangeQueriesTest, docs/performance.md)
@NamedQuery(name = PimItem.CHANGED_SINCE,
        query = "select i from PimItem i where i.folderId = :folder and i.modseq > :since order by i.folderId, i.modseq")
@NamedQuery(name = PimItem.COUNT_CHANGED_SINCE,
        query = "select count(i) from PimItem i where i.folderId = :folder and i.modseq > :since")
public class PimItem {
    public static final String CHANGED_SINCE = "PimItem.changedSince";
    public static final String COUNT_CHANGED_SINCE = "PimItem.countChangedSince";

    @Id
    @SequenceGenerator(name = "sb_id", sequenceName = "sb_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sb_id")
    private Long id;

    @Column(name = "folder_id", nullable = false)
    private long folderId;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_class", nullable = false, length = 16)
    private ItemClass itemClass;

    @Column(length = 255)
    private String uid;

    @Column(nullable = false)
    private long modseq;

    /** The modseq of the item's creation: a device whose high-water mark is below it has never had the item. */
    @Column(name = "created_modseq", nullable = false)
    private long createdModseq;

    @Column(nullable = false, length = 1_000_000)
    private String properties;

    protected PimItem() {
    }

    public PimItem(long folderId, ItemClass itemClass, String uid, long modseq, String properties) {
        this.folderId = folderId;
        this.itemClass = itemClass;
        this.uid = uid;
        this.modseq = modseq;
        this.createdModseq = modseq;
        this.properties = properties;
    }

    public Long getId() { return id; }
    public long getFolderId() { return folderId; }
    public ItemClass getItemClass() { return itemClass; }
    public String getUid() { return uid; }
    public long getModseq() { return modseq; }
    public long getCreatedModseq() { return createdModseq; }
    public String getProperties() { return properties; }

    public void rewrite(String newProperties, long newModseq) {
        this.properties = newProperties;
        this.modseq = newModseq;
    }
}
