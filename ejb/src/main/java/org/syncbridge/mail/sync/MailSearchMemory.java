package org.syncbridge.mail.sync;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Each device's last mailbox search, kept briefly so that the next page of the same query is read from it instead
 * of searching again (Exchange keeps one search folder per device for the same reason). One entry per device: a new
 * query replaces the last one. Bounded by weight (about one unit per remembered UID) and idle time; on this node only,
 * so a page asked of another node searches again.
 */
@ApplicationScoped
public class MailSearchMemory {
    private static final long MAX_WEIGHT = 2_000_000;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final Cache<Long, SearchResults> byDevice = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT).weigher((Long device, SearchResults r) -> r.weight())
            .expireAfterAccess(IDLE).build();

    /** The device's remembered results of this query. */
    public Optional<SearchResults> recall(long deviceId, String queryKey) {
        return Optional.ofNullable(byDevice.getIfPresent(deviceId)).filter(r -> r.queryKey().equals(queryKey));
    }

    public void remember(long deviceId, SearchResults results) {
        byDevice.put(deviceId, results);
    }
}
