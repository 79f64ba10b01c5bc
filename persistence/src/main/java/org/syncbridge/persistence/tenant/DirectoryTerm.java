package org.syncbridge.persistence.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One lower-case term a directory lookup finds a user by, with the user's context so that the index
 * (context, term) answers a prefix lookup within one context.
 */
@Embeddable
public class DirectoryTerm {
    /** The longest term; longer names and addresses are cut, so a prefix of that length still finds them. */
    public static final int MAX_LENGTH = 320;

    @Column(name = "context_id", nullable = false)
    private long contextId;

    @Column(nullable = false, length = MAX_LENGTH)
    private String term;

    protected DirectoryTerm() {
    }

    public DirectoryTerm(long contextId, String term) {
        this.contextId = contextId;
        this.term = term;
    }

    public long getContextId() {
        return contextId;
    }

    public String getTerm() {
        return term;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectoryTerm t && t.contextId == contextId && t.term.equals(term);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contextId, term);
    }
}
