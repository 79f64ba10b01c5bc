package org.syncbridge.bench.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.MailSettings;
import org.syncbridge.bench.Report;
import org.syncbridge.bench.client.EasClient;
import org.syncbridge.bench.mail.MaildirLoader;

/** A user of the mail scenarios and the Inbox loaded for it in the benchmark's Dovecot. */
record MailInbox(BenchContext.User user, String imapLogin, MaildirLoader.Loaded box) {
    /** MS-ASCMD FolderSync Type 2: the Inbox. */
    static final int INBOX = 2;

    /** A new user whose Inbox holds {@code messages} mails (and held the deleted share too, for the UID gaps). */
    static MailInbox create(BenchContext bench, String label, int messages) {
        MailSettings mail = bench.config().mail();
        String imapLogin = label + "@bench.test";
        BenchContext.User user = bench.newMailUser(label, imapLogin);
        Instant newest = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        MaildirLoader.Loaded box = MaildirLoader.load(bench.dovecot(), imapLogin, messages, mail.loadedFor(messages), newest, bench.deadline());
        bench.report().linef("- %s: %,d mails in the Inbox (%,d written, %,d deleted again), %s MiB; written in %s s, indexed by Dovecot "
                        + "and deleted in %s s; UIDVALIDITY %d, HIGHESTMODSEQ %d", imapLogin, box.messages(), box.loaded(),
                box.loaded() - box.messages(), Report.f1(box.bytes() / 1048576.0), Report.f1(box.writeSeconds()), Report.f1(box.indexSeconds()),
                box.uidValidity(), box.highestModseq());
        return new MailInbox(user, imapLogin, box);
    }

    /** A new phone of the user, provisioned, that has synced the folder hierarchy; answers its Inbox's ServerId (not timed). */
    String ready(EasClient phone) {
        phone.provision();
        return phone.folderOfType(INBOX);
    }
}
