package org.syncbridge.bench.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.MailSettings;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.Stats;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.SyncCall;
import org.syncbridge.bench.client.SyncPage;
import org.syncbridge.bench.mail.ImapProbe;
import org.syncbridge.bench.mail.ImapTrace;
import org.syncbridge.bench.mail.Lmtp;
import org.syncbridge.bench.mail.MailCorpus;
import org.syncbridge.bench.server.ClassHistogram;
import org.syncbridge.bench.server.GcWindow;
import org.syncbridge.bench.server.HeapSampler;
import org.syncbridge.bench.server.StoredState;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * (mail 2 and 3) The cost of an incremental Sync of an Inbox, small and large. Two users, each with a phone that has
 * synced its whole Inbox. Each round, per folder: one new mail is delivered over LMTP, then the phone's Sync is timed
 * and must bring exactly that mail; then a Sync with nothing new is timed (the common case: a phone syncs after every
 * Ping and on every opening of the folder) and must bring nothing. The folders alternate within a round and swap
 * order every round. After the server has stopped, the large folder's phone's stored sync state is read.
 */
final class MailIncrementalSyncScenario implements Scenario {
    static final String NAME = "mail-incremental-sync";
    /** How often the live heap is read during the phones' first syncs. */
    private static final Duration HEAP_EVERY = Duration.ofSeconds(10);
    /** IMAP sessions per folder timed without the server. */
    private static final int IMAP_SESSIONS = 40;
    /** Deliveries followed by a timed look at the folder, per kind of look and folder. */
    private static final int IMAP_AFTER_MAIL = 20;

    /** One folder with its phone and what was measured on it. */
    private static final class Folder {
        final MailInbox inbox;
        final EasClient reader;
        final String deviceId;
        final String collection;
        final List<Long> newMailNanos = new ArrayList<>();
        final List<Long> unchangedNanos = new ArrayList<>();
        final List<Long> deliveryNanos = new ArrayList<>();
        String key;
        int next;
        /** Mails delivered in the rounds, which the phone synced. */
        int delivered;

        Folder(MailInbox inbox, EasClient reader, String deviceId, String collection, String key) {
            this.inbox = inbox;
            this.reader = reader;
            this.deviceId = deviceId;
            this.collection = collection;
            this.key = key;
            this.next = inbox.box().loaded();
        }

        int messages() {
            return inbox.box().messages();
        }
    }

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
        Element options = SyncCall.mailOptions(0, mail.bodyType(), mail.truncationSize());
        report.linef("Each round one new mail is delivered to the Inbox (LMTP); the phone's next Sync (WindowSize 100, the options of "
                + "mail-initial-sync) is timed and must bring exactly that mail; then a Sync without anything new is timed and must "
                + "bring nothing. Inboxes of %,d and %,d mails, %d warm-up + %d measured rounds.", mail.smallMessages(), mail.largeMessages(),
                mail.warmup(), mail.rounds());
        Folder small = prepare(bench, "mail-small", mail.smallMessages(), options);
        Folder large = prepare(bench, "mail-large", mail.largeMessages(), options);
        bench.probe("loading and first syncs of both Inboxes");

        int rounds = mail.warmup() + mail.rounds();
        long trace = ImapTrace.mark(bench.dovecot().log());
        for (int round = 0; round < rounds; round++) {
            bench.deadline().check("mail incremental round " + (round + 1) + " of " + rounds);
            boolean measured = round >= mail.warmup();
            for (Folder f : round % 2 == 0 ? List.of(small, large) : List.of(large, small)) {
                newMailAndSync(bench, f, options, measured);
            }
        }

        report.line("\nThe phone's Sync after one new mail (ms, client-side: request, server, decoding):");
        table(report, small, large, small.newMailNanos, large.newMailNanos);
        report.line("\nThe phone's Sync with nothing new (ms):");
        table(report, small, large, small.unchangedNanos, large.unchangedNanos);
        report.linef("\nLMTP delivery of the new mail (not part of the Syncs): median %s ms (small), %s ms (large)",
                Report.f2(Stats.ofNanos(small.deliveryNanos).medianMs()), Report.f2(Stats.ofNanos(large.deliveryNanos).medianMs()));
        if (mail.imapTrace()) {
            imapCommands(report, ImapTrace.since(bench.dovecot().log(), trace), rounds);
        }
        imapAlone(bench, small, large);
        imapAfterNewMail(bench, small, large);
        bench.probe("the mail incremental rounds");
        bench.afterServerStops(stored -> state(bench, stored, List.of(small, large)));
    }

    /** Loads the Inbox, then brings a new phone up to date (WindowSize 512) and reports how long that took. */
    private static Folder prepare(BenchContext bench, String label, int messages, Element options) {
        MailInbox inbox = MailInbox.create(bench, label, messages);
        String deviceId = label + "-reader";
        EasClient reader = bench.phone(inbox.user(), deviceId);
        String collection = inbox.ready(reader);
        long mark = GcWindow.mark(bench.gcLog());
        ClassHistogram before = bench.serverProbe().histogram().orElseThrow(() -> new IllegalStateException("jcmd GC.class_histogram failed"));
        MailFullSync first;
        HeapSampler sampler = new HeapSampler(bench.serverProbe(), HEAP_EVERY);
        try (sampler) {
            first = MailFullSync.run(bench, reader, collection, 512, options, inbox.box());
        }
        GcWindow gc = GcWindow.since(bench.gcLog(), mark);
        bench.report().linef("- the phone's initial sync of %,d mails (WindowSize 512): %s s, %s mails/s, %d requests; page median: first tenth "
                        + "%s ms, last tenth %s ms; %s. Server heap (a class histogram every %d s, its full GC included in the time): %s; "
                        + "occupancy at most %d MiB (GC log, %d pauses%s)",
                messages, Report.f2(first.nanos() / 1e9), Report.f1(first.messagesPerSecond()), first.requests(),
                Report.f1(first.firstTenthMedianMs()), Report.f1(first.lastTenthMedianMs()), first.bodies(), HEAP_EVERY.toSeconds(),
                HeapGrowth.describe(before, sampler), gc.maxBeforeMb(), gc.pauses(), gc.complete() ? "" : ", the log's first ones rotated away");
        return new Folder(inbox, reader, deviceId, collection, first.syncKey());
    }

    private static void newMailAndSync(BenchContext bench, Folder f, Element options, boolean measured) {
        int bodyType = bench.config().mail().bodyType();
        int n = f.next++;
        f.delivered++;
        MailCorpus.Message m = f.inbox.box().corpus().message(n, Instant.now());
        long t0 = System.nanoTime();
        Lmtp.deliver(bench.dovecot().lmtpSocket(), f.inbox.imapLogin(), m.bytes());
        long t1 = System.nanoTime();
        SyncPage page = f.reader.sync(SyncCall.nextMail(f.collection, f.key, 100, options));
        long t2 = System.nanoTime();
        if (page.adds().size() != 1 || !page.changes().isEmpty() || !page.deletes().isEmpty() || page.moreAvailable()) {
            throw new EasFailure("after one new mail the phone got " + page.adds().size() + " adds, " + page.changes().size() + " changes, "
                    + page.deletes().size() + " deletes" + (page.moreAvailable() ? " and MoreAvailable" : ""));
        }
        MailCheck.check(page.adds().get(0), n, m.subject(), m.attachments(), false, bodyType);
        f.key = page.syncKey();

        long t3 = System.nanoTime();
        SyncPage unchanged = f.reader.sync(SyncCall.nextMail(f.collection, f.key, 100, options));
        long t4 = System.nanoTime();
        if (!unchanged.adds().isEmpty() || !unchanged.changes().isEmpty() || !unchanged.deletes().isEmpty() || unchanged.moreAvailable()) {
            throw new EasFailure("with nothing new the phone got " + unchanged.adds().size() + " adds, " + unchanged.changes().size()
                    + " changes, " + unchanged.deletes().size() + " deletes");
        }
        f.key = unchanged.syncKey();
        if (measured) {
            f.deliveryNanos.add(t1 - t0);
            f.newMailNanos.add(t2 - t1);
            f.unchangedNanos.add(t4 - t3);
        }
    }

    private static void table(Report report, Folder small, Folder large, List<Long> smallNanos, List<Long> largeNanos) {
        Stats s = Stats.ofNanos(smallNanos);
        Stats l = Stats.ofNanos(largeNanos);
        report.table(List.of("Inbox", "syncs", "median", "p95", "mean", "min", "max"), List.of(row(small, s), row(large, l)));
        report.linef("- ratio %,d / %,d mails: median %s, p95 %s (target: at most 1.5)", large.messages(), small.messages(),
                Report.f2(l.medianMs() / s.medianMs()), Report.f2(l.p95Ms() / s.p95Ms()));
    }

    private static List<String> row(Folder f, Stats s) {
        return List.of(String.format(Locale.ROOT, "%,d mails", f.messages()), String.valueOf(s.count()), Report.f2(s.medianMs()),
                Report.f2(s.p95Ms()), Report.f2(s.meanMs()), Report.f2(s.minMs()), Report.f2(s.maxMs()));
    }

    /** What Dovecot alone takes for the session every Sync begins with (connect, LOGIN, ENABLE, SELECT, LOGOUT), from here. */
    private static void imapAlone(BenchContext bench, Folder small, Folder large) {
        List<List<Long>> sessions = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Long>> selects = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < IMAP_SESSIONS; i++) {
            bench.deadline().check("IMAP sessions without the server");
            for (int f = 0; f < 2; f++) {
                int which = (i + f) % 2; // alternate which folder goes first
                Folder folder = which == 0 ? small : large;
                ImapProbe.Session s = ImapProbe.select(bench.dovecot().port(), folder.inbox.imapLogin(), "INBOX");
                sessions.get(which).add(s.nanos());
                selects.get(which).add(s.selectNanos());
            }
        }
        bench.report().linef("\nDovecot alone, without Syncbridge (%d sessions each from the benchmark: connect, LOGIN, ENABLE CONDSTORE, "
                + "SELECT INBOX (CONDSTORE), LOGOUT; ms):", IMAP_SESSIONS);
        List<List<String>> rows = new ArrayList<>();
        for (int f = 0; f < 2; f++) {
            Stats whole = Stats.ofNanos(sessions.get(f));
            Stats select = Stats.ofNanos(selects.get(f));
            rows.add(List.of(String.format(Locale.ROOT, "%,d mails", (f == 0 ? small : large).messages()), Report.f2(whole.medianMs()),
                    Report.f2(whole.p95Ms()), Report.f2(select.medianMs()), Report.f2(select.p95Ms())));
        }
        bench.report().table(List.of("Inbox", "session median", "session p95", "SELECT median", "SELECT p95"), rows);
    }

    /**
     * What Dovecot takes to show a folder after new mail arrived: in a new session (as the server does for each Sync), and
     * in a session that keeps the folder selected (NOOP, or selecting it again there). Each time one mail is delivered first.
     */
    private static void imapAfterNewMail(BenchContext bench, Folder small, Folder large) {
        List<List<String>> rows = new ArrayList<>();
        for (Folder f : List.of(small, large)) {
            List<Long> fresh = new ArrayList<>();
            List<Long> noop = new ArrayList<>();
            List<Long> again = new ArrayList<>();
            try (ImapProbe.Held held = ImapProbe.hold(bench.dovecot().port(), f.inbox.imapLogin(), "INBOX")) {
                for (int i = 0; i < IMAP_AFTER_MAIL; i++) {
                    bench.deadline().check("IMAP sessions after new mail");
                    deliver(bench, f);
                    fresh.add(ImapProbe.select(bench.dovecot().port(), f.inbox.imapLogin(), "INBOX").selectNanos());
                    deliver(bench, f);
                    noop.add(held.noop());
                    deliver(bench, f);
                    again.add(held.selectAgain());
                }
            }
            Stats a = Stats.ofNanos(fresh);
            Stats b = Stats.ofNanos(noop);
            Stats c = Stats.ofNanos(again);
            rows.add(List.of(String.format(Locale.ROOT, "%,d mails", f.messages()), Report.f2(a.medianMs()), Report.f2(a.p95Ms()),
                    Report.f2(b.medianMs()), Report.f2(b.p95Ms()), Report.f2(c.medianMs()), Report.f2(c.p95Ms())));
        }
        bench.report().linef("\nDovecot right after one new mail (LMTP), %d times each, ms: SELECT in a new session (what each Sync does), "
                + "NOOP in a session that keeps INBOX selected, and SELECT again in that session:", IMAP_AFTER_MAIL);
        bench.report().table(List.of("Inbox", "new session SELECT median", "p95", "held session NOOP median", "p95",
                "SELECT again median", "p95"), rows);
    }

    /** One more mail into the folder, after the rounds (the phone does not sync it). */
    private static void deliver(BenchContext bench, Folder f) {
        Lmtp.deliver(bench.dovecot().lmtpSocket(), f.inbox.imapLogin(), f.inbox.box().corpus().message(f.next++, Instant.now()).bytes());
    }

    /** The IMAP commands the server sent during the rounds (each round: one Sync with a new mail and one without), per round. */
    private static void imapCommands(Report report, List<ImapTrace.Command> commands, int rounds) {
        report.linef("\nIMAP commands the server sent during the %d rounds, as Dovecot logged them (per round: two Syncs of each Inbox; "
                + "time: Dovecot's imap process running the command):", rounds);
        List<List<String>> rows = new ArrayList<>();
        for (ImapTrace.Command c : commands) {
            rows.add(List.of(c.user(), "`" + c.command() + "`", Report.f2(c.count() / (double) rounds), Report.f1(c.micros() / (double) c.count()),
                    Report.f1(c.micros() / 1000.0 / rounds), String.valueOf(c.bytesOut() / c.count())));
        }
        report.table(List.of("account", "command", "per round", "µs each", "ms per round", "bytes out each"), rows);
    }

    /** (mail 3) What the server keeps for each phone's Inbox: its sb_mail_sync_state row. */
    private static void state(BenchContext bench, StoredState stored, List<Folder> folders) {
        Report report = bench.report();
        report.line("\nThe sync state of each phone's Inbox (sb_mail_sync_state: the snapshot behind the current key and the one before, "
                + "ASCII, so characters are bytes), and the message identities kept for the Inbox (sb_mail_message_key, one row per mail "
                + "sent to any device, per folder):");
        List<List<String>> rows = new ArrayList<>();
        for (Folder f : folders) {
            StoredState.MailState s = stored.mailState(f.deviceId, f.collection)
                    .orElseThrow(() -> new EasFailure("no sb_mail_sync_state row for " + f.deviceId + " and collection " + f.collection));
            long identities = stored.count("select count(*) from sb_mail_message_key where folder_id = ?", Long.parseLong(f.collection));
            String plain = s.plain();
            String head = plain.replace("\n", " / ");
            rows.add(List.of(String.format(Locale.ROOT, "%,d mails", f.messages() + f.delivered), f.deviceId,
                    String.valueOf(s.syncKey()), String.format(Locale.ROOT, "%,d", s.snapshotChars()) + (s.deflated() ? " (deflated)" : ""),
                    String.format(Locale.ROOT, "%,d", plain.length()), String.format(Locale.ROOT, "%,d", s.previousSnapshotChars()),
                    String.format(Locale.ROOT, "%,d", s.totalChars()), String.format(Locale.ROOT, "%,d", identities),
                    "`" + head.substring(0, Math.min(90, head.length())) + (head.length() > 90 ? "…" : "") + "`"));
        }
        report.table(List.of("Inbox", "device", "sync key", "snapshot bytes stored", "as text", "previous snapshot bytes", "row total",
                "identity rows", "snapshot begins"), rows);
        Folder large = folders.get(folders.size() - 1);
        StoredState.MailState s = stored.mailState(large.deviceId, large.collection).orElseThrow();
        report.linef("- the %,d-mail Inbox: snapshot %s KiB stored, with the previous one %s KiB (target: under 1 MB): %s", large.messages(),
                Report.f1(s.snapshotChars() / 1024.0), Report.f1(s.totalChars() / 1024.0), s.totalChars() < 1_000_000 ? "met" : "MISSED");
    }
}
