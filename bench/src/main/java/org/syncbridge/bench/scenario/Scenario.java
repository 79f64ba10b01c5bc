package org.syncbridge.bench.scenario;

import org.syncbridge.bench.BenchContext;

/**
 * One measurement against the running server. A scenario makes its own users and data, checks what the
 * phones receive (a wrong answer must fail the run, not be timed), and writes its numbers to the report.
 */
public interface Scenario {
    /** The name bench.scenarios selects it by. */
    String name();

    void run(BenchContext bench);

    /** Whether it needs the benchmark's own Dovecot as the server's IMAP server (instead of GreenMail). */
    default boolean needsDovecot() {
        return false;
    }
}
