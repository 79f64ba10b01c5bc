package org.syncbridge.persistence.pim;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** What is left of a deleted item: enough for every device to learn of the delete. */
@Entity
@Table(name = "sb_pim_tombstone")
// folderId in ORDER BY lets H2 read ix_pim_tombstone_changes in order (see PimItem.CHANGED_SINCE)
@NamedQuery(name = Tombstone.DELETED_SINCE,
        query = "select t from Tombstone t where t.folderId = :folder and t.modseq > :since order by t.folderId, t.modseq")
@NamedQuery(name = Tombstone.COUNT_DELETED_SINCE,
        query = "select count(t) from Tombstone t where t.folderId = :folder and t.modseq > :since")
public class Tombstone {
    public static final String DELETED_SINCE = "Tombstone.deletedSince";
    public static final String COUNT_DELETED_SINCE = "Tombstone.countDeletedSince";

    @Id
    @Column(name = "item_id")
    private Long itemId;

    @Column(name = "folder_id", nullable = false)
    private long folderId;

    @Column(nullable = false)
    private long modseq;

    /** Where a moved item went: its id in the destination folder (see the V8 migration). */
    @Column(name = "moved_to")
    private Long movedTo;

    protected Tombstone() {
    }

    public Tombstone(long itemId, long folderId, long modseq) {
        this.itemId = itemId;
        this.folderId = folderId;
        this.modseq = modseq;
    }

    /** The tombstone of an item that moved on: the item lives on as {@code movedTo}. */
    public static Tombstone moved(long itemId, long folderId, long modseq, long movedTo) {
        Tombstone t = new Tombstone(itemId, folderId, modseq);
        t.movedTo = movedTo;
        return t;
    }

    public Long getItemId() { return itemId; }
    public Long getMovedTo() { return movedTo; }
    public long getFolderId() { return folderId; }
    public long getModseq() { return modseq; }
}
