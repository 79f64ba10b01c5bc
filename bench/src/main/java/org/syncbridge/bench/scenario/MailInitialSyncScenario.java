package org.syncbridge.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.MailSettings;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.mail.ImapTrace;
import org.syncbridge.bench.server.ClassHistogram;
import org.syncbridge.bench.server.GcWindow;
import org.syncbridge.bench.server.HeapSampler;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * (mail 1) A new phone's initial sync of an Inbox of bench.mail.initial.messages mails from Dovecot, at each of
 * bench.mail.initial.windows, bench.mail.initial.runs times (alternating, after one warm-up sync that is not counted).
 * The phone asks as Android and iOS do: FilterType 0 (all mail), an HTML body cut at 32 KB. Each run is a new device.
 * The server's heap during each sync comes from its GC log: the highest occupancy before and after a collection.
 */
final class MailInitialSyncScenario implements Scenario {
    static final String NAME = "mail-initial-sync";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsDovecot() {
        return true;
    }

    @Override
    public void run(BenchContext bench) {
        MailSettings mail = bench.config().mail();
        Report report = bench.report();
        report.linef("A new phone syncs an Inbox of %,d mails on Dovecot from SyncKey 0 until an answer without MoreAvailable: EAS %s, "
                        + "FilterType 0, BodyPreference Type %d with TruncationSize %d, MIMESupport 0, DeletesAsMoves; one request at a time, "
                        + "every mail decoded and checked (subject, read state, body, attachments).", mail.initialMessages(),
                bench.config().easVersion(), mail.bodyType(), mail.truncationSize());
        MailInbox inbox = MailInbox.create(bench, "mail-initial", mail.initialMessages());
        Element options = SyncCall.mailOptions(0, mail.bodyType(), mail.truncationSize());
        bench.probe("loading " + mail.initialMessages() + " mails");

        int warmWindow = mail.initialWindows().get(0);
        EasClient warmPhone = bench.phone(inbox.user(), "mail-initial-warmup");
        MailFullSync warm = MailFullSync.run(bench, warmPhone, inbox.ready(warmPhone), warmWindow, options, inbox.box());
        report.linef("- warm-up sync (WindowSize %d, not counted; Dovecot and the OS read the mail for the first time): %s s, %s mails/s; %s",
                warmWindow, Report.f2(warm.nanos() / 1e9), Report.f1(warm.messagesPerSecond()), warm.bodies());

        Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        List<List<String>> rows = new ArrayList<>();
        long trace = ImapTrace.mark(bench.dovecot().log());
        int synced = 0;
        long peakBefore = 0;
        long peakAfter = 0;
        for (int run = 1; run <= mail.initialRuns(); run++) {
            for (int window : mail.initialWindows()) {
                bench.deadline().check("mail initial sync runs");
                EasClient phone = bench.phone(inbox.user(), "mail-initial-w" + window + "-r" + run);
                String collection = inbox.ready(phone);
                long mark = GcWindow.mark(bench.gcLog());
                MailFullSync sync = MailFullSync.run(bench, phone, collection, window, options, inbox.box());
                GcWindow gc = GcWindow.since(bench.gcLog(), mark);
                peakBefore = Math.max(peakBefore, gc.maxBeforeMb());
                peakAfter = Math.max(peakAfter, gc.maxAfterMb());
                synced += inbox.box().messages();
                double rate = sync.messagesPerSecond();
                rates.computeIfAbsent(window, w -> new ArrayList<>()).add(rate);
                Stats pages = Stats.ofNanos(sync.pageNanos());
                rows.add(List.of(String.valueOf(run), String.valueOf(window), Report.f2(sync.nanos() / 1e9), Report.f1(rate),
                        String.valueOf(sync.requests()), Report.f1(pages.medianMs()), Report.f1(pages.p95Ms()),
                        Report.f1(sync.firstTenthMedianMs()), Report.f1(sync.lastTenthMedianMs()), String.valueOf(sync.bytes() / 1024),
                        gc.pauses() + (gc.complete() ? "" : "+"), gc.maxBeforeMb() + " MiB", gc.maxAfterMb() + " MiB",
                        gc.maxCommittedMb() + " MiB"));
            }
        }
        report.table(List.of("run", "WindowSize", "seconds", "mails/s", "requests", "page median ms", "page p95 ms", "first tenth ms",
                "last tenth ms", "KiB received", "GC pauses", "heap occupancy, max", "heap after GC, max", "heap committed"), rows);
        report.line("(page: one request after key 0; first/last tenth: the median page time of the first and the last tenth of the pages; "
                + "heap: the server's G1 heap during that sync from its GC log: the occupancy at a pause, and what an evacuating "
                + "pause left, which includes old garbage not yet collected)");
        for (Map.Entry<Integer, List<Double>> e : rates.entrySet()) {
            report.linef("- WindowSize %d: median %s mails/s over %d runs (min %s, max %s)", e.getKey(), Report.f1(Stats.median(e.getValue())),
                    e.getValue().size(), Report.f1(e.getValue().stream().mapToDouble(d -> d).min().orElseThrow()),
                    Report.f1(e.getValue().stream().mapToDouble(d -> d).max().orElseThrow()));
        }
        if (mail.imapTrace()) {
            imapCommands(report, ImapTrace.since(bench.dovecot().log(), trace), synced);
        }
        report.linef("- server heap during the measured syncs (GC log): occupancy at most %d MiB; at most %d MiB after an evacuating "
                + "collection (live data plus old garbage not yet collected)", peakBefore, peakAfter);
        liveHeap(bench, inbox, options, mail.initialWindows().stream().mapToInt(Integer::intValue).max().orElseThrow());
        bench.probe("the mail initial syncs");
    }

    /** The IMAP commands of the measured syncs, per mail synced. */
    private static void imapCommands(Report report, List<ImapTrace.Command> commands, int mails) {
        report.linef("\nIMAP commands the server sent for the %,d mails of the measured syncs, as Dovecot logged them (time: Dovecot's imap "
                + "process running the command):", mails);
        List<List<String>> rows = new ArrayList<>();
        for (ImapTrace.Command c : commands) {
            rows.add(List.of("`" + c.command() + "`", Report.f2(c.count() / (double) mails), Report.f1(c.micros() / (double) c.count()),
                    Report.f1(c.micros() / (double) mails), String.valueOf(c.bytesOut() / c.count())));
        }
        report.table(List.of("command", "per mail", "µs each", "µs per mail", "bytes out each"), rows);
    }

    /** One more sync, not timed, with the server's live heap read every 2 s (a forced full GC each time). */
    private static void liveHeap(BenchContext bench, MailInbox inbox, Element options, int window) {
        EasClient phone = bench.phone(inbox.user(), "mail-initial-heap");
        String collection = inbox.ready(phone);
        ClassHistogram before = bench.serverProbe().histogram().orElseThrow(() -> new IllegalStateException("jcmd GC.class_histogram failed"));
        MailFullSync sync;
        HeapSampler sampler = new HeapSampler(bench.serverProbe(), Duration.ofSeconds(2));
        try (sampler) {
            sync = MailFullSync.run(bench, phone, collection, window, options, inbox.box());
        }
        bench.report().linef("- one more sync (WindowSize %d) with a class histogram of the server every 2 s (a full GC each, so not timed: %s s): %s",
                window, Report.f1(sync.nanos() / 1e9), HeapGrowth.describe(before, sampler));
    }
}
