package org.syncbridge.persistence.pim;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One lower-case term a recipient lookup finds a contact by: a word-suffix of its names, or one of its
 * e-mail addresses. It carries the contact's folder so that the index (folder, term) answers a lookup
 * in a user's folders; moving a contact to another folder must move its keys too.
 */
@Embeddable
public class ContactKey {
    public static final int MAX_LENGTH = 320;

    @Column(name = "folder_id", nullable = false)
    private long folderId;

    @Column(nullable = false)
    private boolean address;

    @Column(nullable = false, length = MAX_LENGTH)
    private String term;

    protected ContactKey() {
    }

    public ContactKey(long folderId, boolean address, String term) {
        this.folderId = folderId;
        this.address = address;
        this.term = term;
    }

    public long getFolderId() {
        return folderId;
    }

    public boolean isAddress() {
        return address;
    }

    public String getTerm() {
        return term;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactKey k && k.folderId == folderId && k.address == address && k.term.equals(term);
    }

    @Override
    public int hashCode() {
        return Objects.hash(folderId, address, term);
    }
}
