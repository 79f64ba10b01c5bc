package org.syncbridge.bench.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;
import java.util.SplittableRandom;
import org.syncbridge.bench.Deadline;

/**
 * Fills an account's Inbox fast: the messages of a {@link MailCorpus} written straight into the maildir (the file's
 * time is the mail's arrival, its name carries the sizes so Dovecot need not read it), then Dovecot indexes them
 * (doveadm mailbox status) and gives them UIDs in file-name order, i.e. by date. Then a random share of them is
 * deleted with doveadm expunge, so the UIDs have gaps as in a mailbox that is used.
 */
public final class MaildirLoader {
    private MaildirLoader() {
    }

    /**
     * What is in the Inbox: message n has UID n + 1 and is there if {@code kept} holds n.
     *
     * @param subjects       the subject of message n
     * @param attachments    attachments of message n
     * @param seen           whether message n is read
     */
    public record Loaded(String login, MailCorpus corpus, int loaded, BitSet kept, String[] subjects, byte[] attachments, BitSet seen,
                         long bytes, long uidValidity, long highestModseq, double writeSeconds, double indexSeconds) {
        public int messages() {
            return kept.cardinality();
        }

        /** The message number a subject names, or -1. */
        public static int number(String subject) {
            if (!subject.startsWith("Bench mail #")) {
                return -1;
            }
            int colon = subject.indexOf(':');
            try {
                return colon < 0 ? -1 : Integer.parseInt(subject.substring("Bench mail #".length(), colon));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** Loads {@code loaded} messages of which {@code remaining} are left; {@code newest} dates the last. */
    public static Loaded load(Dovecot dovecot, String login, int remaining, int loaded, Instant newest, Deadline deadline) {
        if (remaining > loaded) {
            throw new IllegalArgumentException(remaining + " remaining of " + loaded);
        }
        MailCorpus corpus = new MailCorpus(login, newest, loaded);
        Path inbox = dovecot.inbox(login);
        String[] subjects = new String[loaded];
        byte[] attachments = new byte[loaded];
        BitSet seen = new BitSet(loaded);
        long bytes = 0;
        long start = System.nanoTime();
        try {
            for (String sub : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectories(inbox.resolve(sub));
            }
            for (int n = 0; n < loaded; n++) {
                if (n % 1000 == 0) {
                    deadline.check("writing mail for " + login + " (" + n + " of " + loaded + ")");
                }
                MailCorpus.Message m = corpus.message(n);
                Path file = inbox.resolve("cur").resolve(fileName(m));
                Files.write(file, m.bytes());
                Files.setLastModifiedTime(file, FileTime.from(m.date()));
                subjects[n] = m.subject();
                attachments[n] = (byte) m.attachments();
                seen.set(n, m.seen());
                bytes += m.bytes().length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the maildir of " + login, e);
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        dovecot.handOver(login);
        Map<String, Long> status = dovecot.status(login);
        if (status.get("messages") != loaded || status.get("uidnext") != loaded + 1) {
            throw new IllegalStateException("Dovecot indexed " + status + " instead of " + loaded + " messages with UIDs 1 to " + loaded);
        }
        checkUids(dovecot, login, subjects);
        BitSet kept = new BitSet(loaded);
        kept.set(0, loaded);
        BitSet deleted = chooseDeleted(loaded, loaded - remaining, new SplittableRandom(login.hashCode()));
        if (!deleted.isEmpty()) {
            kept.andNot(deleted);
            dovecot.doveadm("expunge", "-u", login, "mailbox", "INBOX", "uid", uidSet(deleted));
            status = dovecot.status(login);
            if (status.get("messages") != remaining) {
                throw new IllegalStateException("after deleting " + deleted.cardinality() + " messages Dovecot has " + status);
            }
        }
        return new Loaded(login, corpus, loaded, kept, subjects, attachments, seen, bytes, status.get("uidvalidity"),
                status.get("highestmodseq"), writeSeconds, (System.nanoTime() - start) / 1e9);
    }

    /** time.M(micro)P(n).host,S=size,W=virtual size:2,flags: Dovecot sorts new files by the time, then the microseconds. */
    static String fileName(MailCorpus.Message m) {
        return m.date().getEpochSecond() + ".M" + m.date().getNano() / 1000 + "P" + m.n() + ".bench,S=" + m.bytes().length + ",W="
                + m.virtualSize() + m.maildirFlags();
    }

    /** The first, a middle and the last message must have the UIDs the loader assumes (n + 1). */
    private static void checkUids(Dovecot dovecot, String login, String[] subjects) {
        int last = subjects.length - 1;
        for (int n : new int[] {0, last / 2, last}) {
            String out = dovecot.doveadm("fetch", "-u", login, "hdr.subject", "mailbox", "INBOX", "uid", String.valueOf(n + 1));
            if (!out.contains(subjects[n])) {
                throw new IllegalStateException("UID " + (n + 1) + " is not message " + n + " but: " + out.trim());
            }
        }
    }

    static BitSet chooseDeleted(int loaded, int count, SplittableRandom random) {
        BitSet deleted = new BitSet(loaded);
        while (deleted.cardinality() < count) {
            deleted.set(random.nextInt(loaded));
        }
        return deleted;
    }

    /** The UIDs (message n + 1) of the set bits as an IMAP sequence set, runs as a:b. */
    static String uidSet(BitSet messages) {
        StringBuilder s = new StringBuilder();
        for (int n = messages.nextSetBit(0); n >= 0; ) {
            int end = messages.nextClearBit(n) - 1;
            if (!s.isEmpty()) {
                s.append(',');
            }
            s.append(n + 1);
            if (end > n) {
                s.append(':').append(end + 1);
            }
            n = messages.nextSetBit(end + 1);
        }
        return s.toString();
    }
}
