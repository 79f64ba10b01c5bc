package org.syncbridge.bench.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.client.SyncPage;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * A phone's first sync of a contacts folder: SyncKey 0, then windows until an answer without MoreAvailable.
 * Timed from before the key-0 request to after the last answer is decoded. Every contact must arrive exactly
 * once and be the one loaded; a wrong answer fails the run instead of being timed.
 *
 * @param pageNanos the time of each request after key 0, in order
 */
record FullSync(long nanos, int requests, List<Long> pageNanos, long bytes, String syncKey) {
    private static final Tag LAST_NAME = Tag.of("Contacts:", "LastName");

    /** {@code expected} holds the ServerId of contact n at index n. */
    static FullSync run(BenchContext bench, EasClient phone, String collection, int window, List<String> expected) {
        Map<String, Integer> contactOf = new HashMap<>(expected.size() * 2);
        for (int n = 0; n < expected.size(); n++) {
            contactOf.put(expected.get(n), n);
        }
        boolean[] seen = new boolean[expected.size()];
        int received = 0;
        List<Long> pages = new ArrayList<>();
        long bytes = 0;
        long start = System.nanoTime();
        String key = phone.sync(SyncCall.first(collection)).syncKey();
        int requests = 1;
        SyncPage page;
        do {
            bench.deadline().check("an initial sync of " + expected.size() + " contacts");
            long t = System.nanoTime();
            page = phone.sync(SyncCall.next(collection, key, window));
            pages.add(System.nanoTime() - t);
            requests++;
            bytes += page.bytes();
            if (page.adds().size() > window || !page.changes().isEmpty() || !page.deletes().isEmpty()) {
                throw new EasFailure("page " + requests + ": " + page.adds().size() + " adds, " + page.changes().size() + " changes, "
                        + page.deletes().size() + " deletes in a window of " + window + " of a folder nobody changes");
            }
            for (Element add : page.adds()) {
                Integer n = contactOf.get(SyncPage.serverId(add));
                if (n == null || seen[n]) {
                    throw new EasFailure((n == null ? "an unknown" : "a repeated") + " ServerId " + SyncPage.serverId(add));
                }
                String lastName = add.child(Tag.of("AirSync:", "ApplicationData")).flatMap(d -> d.childText(LAST_NAME)).orElse("");
                if (!lastName.equals(Contacts.lastName(n))) {
                    throw new EasFailure("contact " + n + " arrived with LastName '" + lastName + "'");
                }
                seen[n] = true;
                received++;
            }
            key = page.syncKey();
        } while (page.moreAvailable());
        long nanos = System.nanoTime() - start;
        if (received != expected.size()) {
            throw new EasFailure("the initial sync ended after " + received + " of " + expected.size() + " contacts");
        }
        return new FullSync(nanos, requests, pages, bytes, key);
    }

    double itemsPerSecond(int items) {
        return items / (nanos / 1e9);
    }

    /** The median page time of the first tenth of the pages: against the last tenth's, it shows whether a page's cost depends on where in the folder it is. */
    double firstTenthMedianMs() {
        return Stats.ofNanos(pageNanos.subList(0, tenth())).medianMs();
    }

    double lastTenthMedianMs() {
        return Stats.ofNanos(pageNanos.subList(pageNanos.size() - tenth(), pageNanos.size())).medianMs();
    }

    private int tenth() {
        return Math.max(1, pageNanos.size() / 10);
    }
}
