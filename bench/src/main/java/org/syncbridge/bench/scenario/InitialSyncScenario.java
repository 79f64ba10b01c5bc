package org.syncbridge.bench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncbridge.bench.BenchConfig;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.EasFailure;

/**
 * (a) A new phone's initial sync of a contacts folder of bench.initial.items contacts, at each of
 * bench.initial.windows, bench.initial.runs times (the window sizes alternate, so a busy moment of the
 * shared machine does not fall on one of them only). Each run is a new device on the same user.
 */
final class InitialSyncScenario implements Scenario {
    static final String NAME = "initial-sync";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchContext bench) {
        BenchConfig config = bench.config();
        Report report = bench.report();
        int items = config.initialItems();
        report.linef("A new phone syncs a contacts folder of %,d contacts from SyncKey 0 until an answer without MoreAvailable; "
                + "EAS %s, one request at a time, every answer decoded and checked.", items, config.easVersion());
        BenchContext.User user = bench.newUser("initial");
        ContactLoader.Loaded folder = ContactLoader.load(bench, bench.phone(user, "initial-loader"), items);
        bench.probe("loading " + items + " contacts");
        // one untimed sync first, so neither the first measured window size pays for cold caches and JIT
        int warmWindow = config.initialWindows().get(0);
        FullSync warm = FullSync.run(bench, ready(bench, user, "initial-warmup", folder), folder.collectionId(), warmWindow, folder.serverIds());
        report.linef("- warm-up sync (WindowSize %d, not counted): %s s", warmWindow, Report.f2(warm.nanos() / 1e9));

        Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (int run = 1; run <= config.initialRuns(); run++) {
            for (int window : config.initialWindows()) {
                bench.deadline().check("initial sync runs");
                EasClient phone = ready(bench, user, "initial-w" + window + "-r" + run, folder);
                FullSync sync = FullSync.run(bench, phone, folder.collectionId(), window, folder.serverIds());
                double rate = sync.itemsPerSecond(items);
                rates.computeIfAbsent(window, w -> new ArrayList<>()).add(rate);
                Stats pages = Stats.ofNanos(sync.pageNanos());
                rows.add(List.of(String.valueOf(run), String.valueOf(window), Report.f2(sync.nanos() / 1e9), Report.f1(rate),
                        String.valueOf(sync.requests()), Report.f1(pages.medianMs()), Report.f1(pages.p95Ms()),
                        Report.f1(sync.firstTenthMedianMs()), Report.f1(sync.lastTenthMedianMs()), String.valueOf(sync.bytes() / 1024)));
            }
        }
        report.table(List.of("run", "WindowSize", "seconds", "items/s", "requests", "page median ms", "page p95 ms",
                "first tenth ms", "last tenth ms", "KiB received"), rows);
        report.line("(page: one request after key 0; first/last tenth: the median page time of the first and the last tenth of the pages)");
        for (Map.Entry<Integer, List<Double>> e : rates.entrySet()) {
            report.linef("- WindowSize %d: median %s items/s over %d runs (min %s, max %s)", e.getKey(), Report.f1(Stats.median(e.getValue())),
                    e.getValue().size(), Report.f1(e.getValue().stream().mapToDouble(d -> d).min().orElseThrow()),
                    Report.f1(e.getValue().stream().mapToDouble(d -> d).max().orElseThrow()));
        }
        bench.probe("the initial syncs");
    }

    /** A new device of {@code user}, provisioned, whose hierarchy shows the loaded folder (not timed). */
    private static EasClient ready(BenchContext bench, BenchContext.User user, String deviceId, ContactLoader.Loaded folder) {
        EasClient phone = bench.phone(user, deviceId);
        phone.provision();
        String collection = phone.folderOfType(9);
        if (!collection.equals(folder.collectionId())) {
            throw new EasFailure("the phone's contacts folder " + collection + " is not the loaded " + folder.collectionId());
        }
        return phone;
    }
}
