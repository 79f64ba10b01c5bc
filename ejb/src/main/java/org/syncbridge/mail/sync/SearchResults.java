package org.syncbridge.mail.sync;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The result of one mailbox search: the matching UIDs of each folder searched (compact sets), their number, and the
 * newest of them across all folders in order, newest first, as deep as a client has paged so far. A folder's UIDs
 * follow the order in which its mail arrived, so the newest {@code depth} matches of all folders are among the
 * {@code depth} highest UIDs of each: only their arrival times are read, never those of the whole result. At most
 * {@link #MAX_RANKED} results are ever put in order; the rest count in the total only.
 */
public final class SearchResults {
    static final int MAX_RANKED = 1000;

    /** A searched folder and the UIDs in it that match. */
    record Folder(long id, String imapName, UidSet matches) {
    }

    /** A matching mail in its place in the order. */
    record Hit(long folderId, String imapName, long uid, Instant arrival) {
    }

    private static final Comparator<Hit> NEWEST_FIRST = Comparator.comparing(Hit::arrival).reversed()
            .thenComparing(Comparator.comparingLong(Hit::folderId)).thenComparing(Comparator.comparingLong(Hit::uid).reversed());

    private final String queryKey;
    private final List<Folder> folders;
    private final long total;
    private final List<Hit> ranked;
    private final int depth;

    private SearchResults(String queryKey, List<Folder> folders, List<Hit> ranked, int depth) {
        this.queryKey = queryKey;
        this.folders = List.copyOf(folders);
        this.total = folders.stream().mapToLong(f -> f.matches().size()).sum();
        this.ranked = List.copyOf(ranked);
        this.depth = depth;
    }

    /** Searches each folder (examined, read-only) and puts the newest {@code depth} matches in order. */
    static SearchResults search(Store store, String queryKey, List<Folder> scope, QueryMatcher matcher, int depth)
            throws MessagingException {
        return new SearchResults(queryKey, matcher.match(store, scope), List.of(), 0).deepened(store, depth);
    }

    /** These results put in order at least {@code wanted} deep (at most {@link #MAX_RANKED}); itself when they are. */
    SearchResults deepened(Store store, int wanted) throws MessagingException {
        int target = Math.min(MAX_RANKED, wanted);
        if (target <= depth || ranked.size() == Math.min(total, MAX_RANKED) && depth > 0) {
            return this;
        }
        target = Math.min(MAX_RANKED, Math.max(target, 2 * depth)); // paging on: fewer rounds
        List<Hit> hits = new ArrayList<>();
        for (Folder f : folders) {
            long[] newest = f.matches().highest(target);
            if (newest.length == 0) {
                continue;
            }
            try (Mailbox box = Mailbox.examine(store, f.imapName())) {
                for (int from = 0; from < newest.length; from += QueryMatcher.CHUNK) {
                    long[] chunk = Arrays.copyOfRange(newest, from, Math.min(newest.length, from + QueryMatcher.CHUNK));
                    Map<Long, Instant> arrivals = box.arrivals(UidSet.of(chunk));
                    for (long uid : chunk) {
                        Instant arrival = arrivals.get(uid);
                        if (arrival != null) { // gone meanwhile otherwise
                            hits.add(new Hit(f.id(), f.imapName(), uid, arrival));
                        }
                    }
                }
            }
        }
        hits.sort(NEWEST_FIRST);
        return new SearchResults(queryKey, folders, hits.subList(0, Math.min(target, hits.size())), target);
    }

    String queryKey() {
        return queryKey;
    }

    /** Every match, also those beyond the ordered ones. */
    long total() {
        return total;
    }

    /** The matches in order, newest first, as deep as put in order so far. */
    List<Hit> ranked() {
        return ranked;
    }

    /** How much memory these results hold, roughly in UIDs: the cache's weight. */
    int weight() {
        return 1 + ranked.size() + folders.stream().mapToInt(f -> f.matches().toString().length() / 8).sum();
    }
}
