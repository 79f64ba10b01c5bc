package org.syncbridge.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The mail scenarios' settings (bench.mail.*): the private Dovecot they start, the folder sizes, what the phones ask
 * for, and the rounds. Every count is bounded.
 *
 * @param dovecotScript   ear/src/test/scripts/dovecot.sh, the tests' private Dovecot
 * @param dovecotDir      its directory (configuration, mail, sockets, log); emptied at every start
 * @param dovecotPort     its IMAP port on 127.0.0.1
 * @param initialMessages the Inbox of the initial sync
 * @param initialWindows  the WindowSizes of the initial sync
 * @param initialRuns     measured initial syncs per WindowSize (after one warm-up)
 * @param smallMessages   the small folder of the incremental rounds
 * @param largeMessages   the large folder of the incremental rounds, whose stored state is read
 * @param warmup          incremental rounds not counted
 * @param rounds          incremental rounds counted
 * @param deletedPercent  of each folder's mail, this share more is loaded and deleted again, so its UIDs have gaps as a
 *                        mailbox that is used has
 * @param bodyType        BodyPreference Type (2: HTML)
 * @param truncationSize  BodyPreference TruncationSize in bytes
 * @param imapTrace       whether Dovecot logs every IMAP command with its time (a profile; not for measured runs)
 */
public record MailSettings(Path dovecotScript, Path dovecotDir, int dovecotPort, int initialMessages, List<Integer> initialWindows,
                           int initialRuns, int smallMessages, int largeMessages, int warmup, int rounds, int deletedPercent, int bodyType,
                           int truncationSize, boolean imapTrace) {
    public static final int MAX_MESSAGES = 500_000;

    static MailSettings from(Properties p) {
        List<Integer> windows = Arrays.stream(p.getProperty("bench.mail.initial.windows", "100,512").split(","))
                .map(String::trim).map(w -> BenchConfig.bounded("bench.mail.initial.windows", w, 1, BenchConfig.MAX_WINDOW)).toList();
        String body = p.getProperty("bench.mail.body.type", "2").trim();
        if (!body.equals("1") && !body.equals("2")) {
            throw new IllegalArgumentException("bench.mail.body.type must be 1 (plain text) or 2 (HTML), not '" + body + "'");
        }
        return new MailSettings(optionalPath(p, "bench.mail.dovecot.script"), optionalPath(p, "bench.mail.dovecot.dir"),
                BenchConfig.bounded(p, "bench.mail.dovecot.port", 3743, 1, 65_535),
                BenchConfig.bounded(p, "bench.mail.initial.messages", 10_000, 1, MAX_MESSAGES), windows,
                BenchConfig.bounded(p, "bench.mail.initial.runs", 2, 1, 20),
                BenchConfig.bounded(p, "bench.mail.incremental.small", 100, 1, MAX_MESSAGES),
                BenchConfig.bounded(p, "bench.mail.incremental.large", 100_000, 1, MAX_MESSAGES),
                BenchConfig.bounded(p, "bench.mail.incremental.warmup", 20, 0, 10_000),
                BenchConfig.bounded(p, "bench.mail.incremental.rounds", 300, 1, 10_000),
                BenchConfig.bounded(p, "bench.mail.deleted.percent", 10, 0, 50), Integer.parseInt(body),
                BenchConfig.bounded(p, "bench.mail.truncation", 32_768, 0, 10_000_000),
                Boolean.parseBoolean(p.getProperty("bench.mail.imap.trace", "false").trim()));
    }

    /** How many messages are loaded so that {@code remaining} are left after the deletions. */
    public int loadedFor(int remaining) {
        return remaining + (int) ((long) remaining * deletedPercent / 100);
    }

    /** The paths are needed only when a mail scenario runs; one missing then is a bad setting. */
    public Path requireDovecotScript() {
        if (dovecotScript == null || dovecotDir == null) {
            throw new IllegalArgumentException("bench.mail.dovecot.script and bench.mail.dovecot.dir must be set (bench/pom.xml's -Pbench passes them)");
        }
        return dovecotScript;
    }

    private static Path optionalPath(Properties p, String name) {
        String value = p.getProperty(name);
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }
}
