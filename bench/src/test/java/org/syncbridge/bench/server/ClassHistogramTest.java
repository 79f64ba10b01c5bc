package org.syncbridge.bench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    @Test
    void readsJcmdsHistogramAndSumsAClassOfSeveralLoaders() {
        ClassHistogram h = ClassHistogram.parse("""
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:        120000       98000000  [B (java.base@17.0.15)
                   2:         18000         720000  org.syncbridge.jms.Watch
                   3:           500          20000  org.syncbridge.jms.Watch
                   4:            10            480  io.undertow.server.HttpServerExchange
                Total        138510       98740480
                """);
        assertEquals(18_500, h.instances("org.syncbridge.jms.Watch"));
        assertEquals(740_000, h.bytes("org.syncbridge.jms.Watch"));
        assertEquals(98_000_000, h.bytes("[B"));
        assertEquals(0, h.instances("org.example.Missing"));
        assertEquals(98_740_480, h.totalBytes());
        assertThrows(IllegalArgumentException.class, () -> ClassHistogram.parse("12345:\nAttach failed"));
    }

    @Test
    void tellsWhatGrewMost() {
        ClassHistogram before = ClassHistogram.parse("""
                   1:           100           4000  [B (java.base@17.0.15)
                   2:            10            400  java.lang.String (java.base@17.0.15)
                   3:             5            200  org.example.Gone
                Total           115           4600
                """);
        ClassHistogram after = ClassHistogram.parse("""
                   1:          1100         904000  [B (java.base@17.0.15)
                   2:            30           1200  java.lang.String (java.base@17.0.15)
                   3:             1             16  org.example.New
                Total          1131         905216
                """);
        var grown = after.grownSince(before, 2);
        assertEquals(2, grown.size());
        assertEquals("[B", grown.get(0).getKey());
        assertEquals(1000, grown.get(0).getValue()[0]);
        assertEquals(900_000, grown.get(0).getValue()[1]);
        assertEquals("java.lang.String", grown.get(1).getKey());
    }
}
