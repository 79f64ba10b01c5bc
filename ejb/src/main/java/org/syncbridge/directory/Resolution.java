package org.syncbridge.directory;

import java.util.List;

/**
 * What a name resolved to: one recipient, or suggestions when it is ambiguous ({@code total} of them,
 * of which {@code recipients} is a part when {@link Outcome#AMBIGUOUS_PARTIAL}), or nothing.
 */
public record Resolution(Outcome outcome, long total, List<Recipient> recipients) {

    public enum Outcome { RESOLVED, AMBIGUOUS, AMBIGUOUS_PARTIAL, UNRESOLVED }

    static Resolution unresolved() {
        return new Resolution(Outcome.UNRESOLVED, 0, List.of());
    }

    static Resolution resolved(Recipient recipient) {
        return new Resolution(Outcome.RESOLVED, 1, List.of(recipient));
    }

    /** {@code total} matches, of which {@code found} are returned, at most {@code limit}. */
    static Resolution of(long total, int limit, List<Recipient> found) {
        Outcome outcome = total == 0 ? Outcome.UNRESOLVED : total == 1 ? Outcome.RESOLVED
                : total <= limit ? Outcome.AMBIGUOUS : Outcome.AMBIGUOUS_PARTIAL;
        return new Resolution(outcome, total, found);
    }
}
