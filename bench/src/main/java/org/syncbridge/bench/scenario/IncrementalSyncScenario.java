package org.syncbridge.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.syncbridge.bench.BenchConfig;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.client.SyncPage;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * (b) The cost of an incremental Sync that brings one changed contact, in a small and in a large folder.
 * Two users, each with a writing phone (which loaded the folder) and a reading phone (fully synced). Each
 * round, per folder: the writer changes one random contact, then the reader's Sync is timed and must bring
 * exactly that change. The two folders alternate within a round and swap order every round, so load from
 * other processes on the machine falls on both alike; the first bench.incremental.warmup rounds are not counted.
 */
final class IncrementalSyncScenario implements Scenario {
    static final String NAME = "incremental-sync";
    private static final Tag JOB_TITLE = Tag.of("Contacts:", "JobTitle");

    /** One folder with its two phones and what was measured on it. */
    private static final class Folder {
        final int size;
        final ContactLoader.Loaded loaded;
        final EasClient reader;
        final int[] revisions;
        final List<Long> readNanos = new ArrayList<>();
        final List<Long> writeNanos = new ArrayList<>();
        String writerKey;
        String readerKey;

        Folder(int size, ContactLoader.Loaded loaded, EasClient reader, String readerKey) {
            this.size = size;
            this.loaded = loaded;
            this.reader = reader;
            this.revisions = new int[size];
            this.writerKey = loaded.syncKey();
            this.readerKey = readerKey;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext bench) {
        BenchConfig config = bench.config();
        Report report = bench.report();
        report.linef("Each round one contact changes (a Sync Change from another phone of the same user); the reading phone's next "
                + "Sync (WindowSize 100) is timed and must bring exactly that change. Folders of %,d and %,d contacts, %d warm-up + %d "
                + "measured rounds.", config.smallItems(), config.largeItems(), config.warmup(), config.repetitions());
        Folder small = prepare(bench, "small", config.smallItems());
        Folder large = prepare(bench, "large", config.largeItems());
        bench.probe("loading and first syncs of both folders");

        SplittableRandom random = new SplittableRandom(20_261_123);
        int rounds = config.warmup() + config.repetitions();
        for (int round = 0; round < rounds; round++) {
            bench.deadline().check("incremental sync round " + (round + 1) + " of " + rounds);
            boolean measured = round >= config.warmup();
            for (Folder f : round % 2 == 0 ? List.of(small, large) : List.of(large, small)) {
                changeAndSync(f, random.nextInt(f.size), measured);
            }
        }

        Stats s = Stats.ofNanos(small.readNanos);
        Stats l = Stats.ofNanos(large.readNanos);
        report.line("\nThe reader's Sync with one change (ms, client-side: request, server, decoding):");
        report.table(List.of("folder", "syncs", "median", "p95", "mean", "min", "max"), List.of(row(small, s), row(large, l)));
        report.linef("- ratio %,d / %,d contacts: median %s, p95 %s", large.size, small.size, Report.f2(l.medianMs() / s.medianMs()),
                Report.f2(l.p95Ms() / s.p95Ms()));
        Stats sw = Stats.ofNanos(small.writeNanos);
        Stats lw = Stats.ofNanos(large.writeNanos);
        report.line("\nThe writer's Sync carrying the Change (ms):");
        report.table(List.of("folder", "syncs", "median", "p95", "mean", "min", "max"), List.of(row(small, sw), row(large, lw)));
        report.linef("- ratio %,d / %,d contacts: median %s, p95 %s", large.size, small.size, Report.f2(lw.medianMs() / sw.medianMs()),
                Report.f2(lw.p95Ms() / sw.p95Ms()));
        bench.probe("the incremental rounds");
    }

    private static List<String> row(Folder f, Stats s) {
        return List.of(String.format(Locale.ROOT, "%,d contacts", f.size), String.valueOf(s.count()), Report.f2(s.medianMs()), Report.f2(s.p95Ms()),
                Report.f2(s.meanMs()), Report.f2(s.minMs()), Report.f2(s.maxMs()));
    }

    /** Loads the folder, then brings a new reading phone up to date (window 512) and reports how long that took. */
    private static Folder prepare(BenchContext bench, String label, int size) {
        BenchContext.User user = bench.newUser("incremental-" + label);
        ContactLoader.Loaded loaded = ContactLoader.load(bench, bench.phone(user, "inc-" + label + "-writer"), size);
        EasClient reader = bench.phone(user, "inc-" + label + "-reader");
        reader.provision();
        FullSync first = FullSync.run(bench, reader, reader.folderOfType(9), 512, loaded.serverIds());
        bench.report().linef("- the reader's initial sync of %,d contacts (WindowSize 512): %s s, %s items/s; page median: first tenth "
                        + "%s ms, last tenth %s ms", size, Report.f2(first.nanos() / 1e9), Report.f1(first.itemsPerSecond(size)),
                Report.f1(first.firstTenthMedianMs()), Report.f1(first.lastTenthMedianMs()));
        return new Folder(size, loaded, reader, first.syncKey());
    }

    private static void changeAndSync(Folder f, int n, boolean measured) {
        int revision = ++f.revisions[n];
        String serverId = f.loaded.serverIds().get(n);
        long t0 = System.nanoTime();
        SyncPage written = f.loaded.writer().sync(SyncCall.next(f.loaded.collectionId(), f.writerKey, 100)
                .with(List.of(SyncCall.change(serverId, Contacts.contact(n, revision)))));
        long t1 = System.nanoTime();
        written.requireNoFailedCommands();
        if (!written.adds().isEmpty() || !written.changes().isEmpty() || !written.deletes().isEmpty()) {
            throw new EasFailure("the writer got changes back although only it writes: " + written);
        }
        f.writerKey = written.syncKey();

        long t2 = System.nanoTime();
        SyncPage read = f.reader.sync(SyncCall.next(f.loaded.collectionId(), f.readerKey, 100));
        long t3 = System.nanoTime();
        if (read.changes().size() != 1 || !read.adds().isEmpty() || !read.deletes().isEmpty() || read.moreAvailable()) {
            throw new EasFailure("after one change the reader got " + read.adds().size() + " adds, " + read.changes().size() + " changes, "
                    + read.deletes().size() + " deletes" + (read.moreAvailable() ? " and MoreAvailable" : ""));
        }
        String got = SyncPage.serverId(read.changes().get(0));
        String title = read.changes().get(0).child(Tag.of("AirSync:", "ApplicationData")).flatMap(d -> d.childText(JOB_TITLE)).orElse("");
        if (!got.equals(serverId) || !title.equals(Contacts.jobTitle(revision))) {
            throw new EasFailure("expected contact " + serverId + " at revision " + revision + ", got " + got + " with JobTitle '" + title + "'");
        }
        f.readerKey = read.syncKey();
        if (measured) {
            f.writeNanos.add(t1 - t0);
            f.readNanos.add(t3 - t2);
        }
    }
}
