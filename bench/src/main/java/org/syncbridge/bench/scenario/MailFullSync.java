package org.syncbridge.bench.scenario;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.client.SyncPage;
import org.syncbridge.bench.mail.MaildirLoader;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * A phone's first sync of a mail folder: SyncKey 0, then windows (the mail options of the run) until an answer
 * without MoreAvailable. Timed from before the key-0 request to after the last answer is decoded and checked.
 * Every message left in the folder must arrive exactly once and be the one loaded ({@link MailCheck}).
 *
 * @param pageNanos the time of each request after key 0, in order
 */
record MailFullSync(long nanos, int requests, List<Long> pageNanos, long bytes, String syncKey, MailCheck.Bodies bodies) {

    static MailFullSync run(BenchContext bench, EasClient phone, String collection, int window, Element options, MaildirLoader.Loaded box) {
        int bodyType = bench.config().mail().bodyType();
        BitSet got = new BitSet(box.loaded());
        Set<String> serverIds = new HashSet<>(box.messages() * 2);
        MailCheck.Bodies bodies = new MailCheck.Bodies();
        List<Long> pages = new ArrayList<>();
        long bytes = 0;
        long start = System.nanoTime();
        String key = phone.sync(SyncCall.first(collection)).syncKey();
        int requests = 1;
        SyncPage page;
        do {
            bench.deadline().check("an initial sync of " + box.messages() + " mails");
            long t = System.nanoTime();
            page = phone.sync(SyncCall.nextMail(collection, key, window, options));
            pages.add(System.nanoTime() - t);
            requests++;
            bytes += page.bytes();
            if (page.adds().size() > window || !page.changes().isEmpty() || !page.deletes().isEmpty()) {
                throw new EasFailure("page " + requests + ": " + page.adds().size() + " adds, " + page.changes().size() + " changes, "
                        + page.deletes().size() + " deletes in a window of " + window + " of a folder nobody changes");
            }
            for (Element add : page.adds()) {
                MailCheck.Received r = MailCheck.check(add, box, bodyType);
                if (!box.kept().get(r.n()) || got.get(r.n()) || !serverIds.add(r.serverId())) {
                    throw new EasFailure("mail #" + r.n() + " (ServerId " + r.serverId() + ") arrived "
                            + (box.kept().get(r.n()) ? "twice" : "although it was deleted"));
                }
                got.set(r.n());
                bodies.add(r);
            }
            key = page.syncKey();
        } while (page.moreAvailable());
        long nanos = System.nanoTime() - start;
        if (!got.equals(box.kept())) {
            throw new EasFailure("the initial sync ended after " + got.cardinality() + " of " + box.messages() + " mails");
        }
        return new MailFullSync(nanos, requests, pages, bytes, key, bodies);
    }

    double messagesPerSecond() {
        return bodies.html + bodies.plain == 0 ? 0 : (bodies.html + bodies.plain) / (nanos / 1e9);
    }

    /** The median page time of the first tenth of the pages (the newest mail comes first) against the last tenth's. */
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
