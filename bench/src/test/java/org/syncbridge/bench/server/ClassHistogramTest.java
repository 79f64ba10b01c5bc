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
}
