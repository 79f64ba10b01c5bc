package org.syncbridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BenchConfigTest {

    static Properties paths() {
        Properties p = new Properties();
        for (String name : List.of("bench.jboss.home", "bench.java.home", "bench.run.script", "bench.ear", "bench.greenmail.jar",
                "bench.base.dir", "bench.results.dir")) {
            p.setProperty(name, "/tmp/" + name);
        }
        return p;
    }

    @Test
    void defaultsAreTheIssuesNumbers() {
        BenchConfig c = BenchConfig.from(paths());
        assertEquals(10_000, c.initialItems());
        assertEquals(List.of(100, 512), c.initialWindows());
        assertEquals(100, c.smallItems());
        assertEquals(100_000, c.largeItems());
        assertEquals(List.of("initial-sync", "incremental-sync"), c.scenarios());
        assertEquals(8843, c.server().httpsPort());
        assertEquals(10390, c.server().managementPort());
        assertEquals(List.of(8480, 8843, 10390, 3543, 3425), c.server().ports());
        assertEquals(List.of(1000, 5000, 10000, 18000), c.ping().steps());
        assertEquals(18_000, c.ping().maxParked());
        assertEquals(10_000, c.ping().wakeAt());
        assertEquals(9000, c.ping().perProcess());
    }

    @Test
    void mailDefaultsAreTheIssuesNumbers() {
        MailSettings m = BenchConfig.from(paths()).mail();
        assertEquals(10_000, m.initialMessages());
        assertEquals(List.of(100, 512), m.initialWindows());
        assertEquals(100, m.smallMessages());
        assertEquals(100_000, m.largeMessages());
        assertEquals(2, m.bodyType());
        assertEquals(32_768, m.truncationSize());
        assertEquals(3743, m.dovecotPort());
        assertEquals(110_000, m.loadedFor(100_000));
        assertEquals(110, m.loadedFor(100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::requireDovecotScript);
        assertTrue(e.getMessage().contains("bench.mail.dovecot.script"));
        Properties p = paths();
        p.setProperty("bench.mail.dovecot.port", "3743");
        assertEquals(List.of(8480, 8843, 10390, 3425), BenchConfig.from(p).server().withProvidedImap(3743).ports(),
                "Dovecot listens on the IMAP port before the server starts");
        for (String[] bad : new String[][] {{"bench.mail.body.type", "4"}, {"bench.mail.incremental.large", "500001"},
                {"bench.mail.deleted.percent", "60"}, {"bench.mail.initial.windows", "0"}}) {
            Properties q = paths();
            q.setProperty(bad[0], bad[1]);
            IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> BenchConfig.from(q));
            assertTrue(x.getMessage().startsWith(bad[0]), x.getMessage());
        }
    }

    @Test
    void pingStepsRiseAndTheWakeIsMeasuredAtOneOfThem() {
        for (String[] bad : new String[][] {{"bench.ping.steps", "1000,500"}, {"bench.ping.steps", "1000,200000"},
                {"bench.ping.wake.at", "7000"}, {"bench.ping.per.process", "20000"}, {"bench.ping.heartbeat", "3541"},
                {"bench.ping.agent.heap", "-Xmx1g -XX:+Foo"}}) {
            Properties p = paths();
            p.setProperty(bad[0], bad[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchConfig.from(p));
            assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
        }
        Properties none = paths();
        none.setProperty("bench.ping.wake.at", "0");
        assertEquals(0, BenchConfig.from(none).ping().wakeAt());
    }

    @Test
    void everyCountIsBounded() {
        for (String[] bad : new String[][] {{"bench.initial.windows", "100,513"}, {"bench.incremental.large", "1000001"},
                {"bench.incremental.repetitions", "0"}, {"bench.max.minutes", "100000"}, {"bench.add.batch", "many"}}) {
            Properties p = paths();
            p.setProperty(bad[0], bad[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchConfig.from(p));
            assertTrue(e.getMessage().startsWith(bad[0]), e.getMessage());
        }
        Properties missing = paths();
        missing.remove("bench.ear");
        assertThrows(IllegalArgumentException.class, () -> BenchConfig.from(missing));
    }

    @Test
    void aSpentBudgetStopsTheRun() {
        Deadline.after(Duration.ofMinutes(1)).check("anything");
        Deadline spent = Deadline.after(Duration.ZERO);
        Deadline.Exceeded e = assertThrows(Deadline.Exceeded.class, () -> spent.check("loading contacts"));
        assertTrue(e.getMessage().contains("loading contacts"));
    }
}
