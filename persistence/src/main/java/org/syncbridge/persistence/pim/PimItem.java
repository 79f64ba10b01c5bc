package org.syncbridge.persistence.pim;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

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
        query = "select count(i) from PimItem i where i.folderId = :folder and i.modseq > :since"
                + " and (i.spanEnd is null or i.spanEnd >= :windowStart)")
@NamedQuery(name = PimItem.COUNT_SPAN_BETWEEN, query = "select count(i) from PimItem i where i.folderId = :folder"
        + " and i.modseq <= :upTo and i.spanEnd >= :from and i.spanEnd < :to")
@NamedQuery(name = PimItem.LEAVING_WINDOW, query = "select i from PimItem i where i.folderId = :folder and i.modseq <= :upTo"
        + " and i.spanEnd >= :from and i.spanEnd < :to order by i.spanEnd")
@NamedQuery(name = PimItem.ENTERING_WINDOW, query = "select i from PimItem i where i.folderId = :folder and i.modseq <= :upTo"
        + " and i.spanEnd >= :from and i.spanEnd < :to order by i.spanEnd desc")
@NamedQuery(name = PimItem.OWN_APPOINTMENTS_FROM, query = "select i from PimItem i, Folder f where i.folderId = f.id"
        + " and f.owner.id = :owner and i.itemClass = org.syncbridge.persistence.pim.ItemClass.EVENT"
        + " and (i.spanEnd is null or i.spanEnd >= :from)")
@NamedQuery(name = PimItem.OWN_APPOINTMENTS_WITH_UID, query = "select i from PimItem i, Folder f where i.uid = :uid"
        + " and i.folderId = f.id and f.owner.id = :owner and i.itemClass = org.syncbridge.persistence.pim.ItemClass.EVENT order by i.id")
@NamedQuery(name = PimItem.CONTACT_ADDRESSES_EXACTLY, query = "select i.id, k.term from PimItem i join i.contactKeys k"
        + " where k.folderId in :folders and k.address = true and k.term = :term order by i.id")
@NamedQuery(name = PimItem.CONTACT_ADDRESSES_MATCHING, query = "select i.id, k.term from PimItem i join i.contactKeys k"
        + " where " + PimItem.CONTACT_MATCH + " order by k.term, i.id")
@NamedQuery(name = PimItem.CONTACT_ADDRESS_MATCH_COUNT, query = "select count(k.term) from PimItem i join i.contactKeys k"
        + " where " + PimItem.CONTACT_MATCH)
public class PimItem {
    /** The appointments in a user's own calendars that have not ended before a moment (free/busy). */
    public static final String OWN_APPOINTMENTS_FROM = "PimItem.ownAppointmentsFrom";
    public static final String CHANGED_SINCE = "PimItem.changedSince";
    /** The appointments with an iCalendar UID in a user's own calendars (ix_pim_item_uid), oldest first. */
    public static final String OWN_APPOINTMENTS_WITH_UID = "PimItem.ownAppointmentsWithUid";
    /** Unchanged items whose span ends in [from, to): they leave a window whose start moves from "from" to "to". */
    public static final String LEAVING_WINDOW = "PimItem.leavingWindow";
    /** The same range, latest first: they enter a window whose start moves back from "to" to "from". */
    public static final String ENTERING_WINDOW = "PimItem.enteringWindow";
    /** Items changed since a modseq that end at or after a window's start (DAWN for no window). */
    public static final String COUNT_CHANGED_SINCE = "PimItem.countChangedSince";
    /** How many items {@link #LEAVING_WINDOW} or {@link #ENTERING_WINDOW} would move. */
    public static final String COUNT_SPAN_BETWEEN = "PimItem.countSpanBetween";
    /** (contact id, lower-case address) of the contacts in :folders with the address :term. */
    public static final String CONTACT_ADDRESSES_EXACTLY = "PimItem.contactAddressesExactly";
    /** (contact id, lower-case address) of every address of the contacts in :folders with a key like :prefix. */
    public static final String CONTACT_ADDRESSES_MATCHING = "PimItem.contactAddressesMatching";
    public static final String CONTACT_ADDRESS_MATCH_COUNT = "PimItem.contactAddressMatchCount";

    /** The key index (folder, term) finds the contacts; their addresses are read by the key's primary key. */
    static final String CONTACT_MATCH = "k.folderId in :folders and k.address = true and i.id in"
            + " (select j.id from PimItem j join j.contactKeys m where m.folderId in :folders and m.term like :prefix escape '!')";

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

    /** When an appointment's last occurrence ends; null when it never does or the item is no appointment. */
    @Column(name = "span_end")
    private java.time.Instant spanEnd;
    /** A contact's lookup keys, kept by the PIM store from its properties at every write; empty for other items. */
    @ElementCollection
    @CollectionTable(name = "sb_contact_key", joinColumns = @JoinColumn(name = "item_id"))
    private Set<ContactKey> contactKeys = new HashSet<>();

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
    public java.time.Instant getSpanEnd() { return spanEnd; }

    public void setSpanEnd(java.time.Instant spanEnd) {
        this.spanEnd = spanEnd;
    }
    public Set<ContactKey> getContactKeys() { return contactKeys; }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public void rewrite(String newProperties, long newModseq) {
        this.properties = newProperties;
        this.modseq = newModseq;
    }
}
