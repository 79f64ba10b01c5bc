package org.syncbridge.web.eas.wbxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class WbxmlWriterTest {
    static final Tag PING = Tag.of("Ping:", "Ping");
    static final Tag PING_STATUS = Tag.of("Ping:", "Status");
    static final Tag SYNC = Tag.of("AirSync:", "Sync");
    static final Tag SYNC_KEY = Tag.of("AirSync:", "SyncKey");
    static final Tag STATUS = Tag.of("AirSync:", "Status");
    static final Tag BODY = Tag.of("AirSyncBase:", "Body");
    static final Tag TYPE = Tag.of("AirSyncBase:", "Type");
    static final Tag DATA = Tag.of("AirSyncBase:", "Data");
    static final Tag MIME = Tag.of("ComposeMail:", "Mime");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private String hex() {
        return HexFormat.ofDelimiter(" ").formatHex(out.toByteArray());
    }

    @Test
    void writesExchangesPingResponseByteForByte() throws IOException {
        new WbxmlWriter(out).start(PING).text(PING_STATUS, "3").end().finish();
        // the body of the capture gs2-exchange-deleteAMovedOccurrenceWhenTzChanges/001-Ping-response.wbxml
        assertEquals("03 01 6a 00 00 0d 45 47 03 33 00 01 01", hex());
    }

    @Test
    void rawBytesGoAsAnInlineStringExactlyAsGiven() throws IOException {
        byte[] latin1 = {'G', (byte) 0xFC, 'n', 't', 'e', 'r', '\r', '\n'}; // not UTF-8: a String would alter it
        new WbxmlWriter(out).start(BODY).text(DATA, latin1).end().finish();
        assertEquals("03 01 6a 00 00 11 4a 4b 03 47 fc 6e 74 65 72 0d 0a 00 01 01", hex());
        assertThrows(IllegalArgumentException.class,
                () -> new WbxmlWriter(new ByteArrayOutputStream()).start(BODY).text(DATA, new byte[] {'a', 0, 'b'}));
    }

    @Test
    void headerIsWbxml13UnknownPublicIdUtf8WithAnEmptyStringTable() throws IOException {
        new WbxmlWriter(out);
        assertEquals("", hex(), "nothing reaches the stream before it is flushed");
        new WbxmlWriter(out).empty(SYNC).finish();
        assertEquals("03 01 6a 00 05", hex());
    }

    @Test
    void stringsAreInlineNeverStringTableReferences() throws IOException {
        WbxmlWriter writer = new WbxmlWriter(out).start(SYNC);
        for (int i = 0; i < 3; i++) {
            writer.text(SYNC_KEY, "repeated");
        }
        writer.text(STATUS, "").end().finish();
        assertEquals("03 01 6a 00 45"
                + " 4b 03 72 65 70 65 61 74 65 64 00 01".repeat(3)
                + " 4e 03 00 01 01", hex());
    }

    @Test
    void switchesPageOnlyWhenItChanges() throws IOException {
        new WbxmlWriter(out).start(SYNC).text(SYNC_KEY, "1")
                .start(BODY).text(TYPE, "2").empty(DATA).end()
                .empty(STATUS).end().finish();
        assertEquals("03 01 6a 00 45 4b 03 31 00 01"
                + " 00 11 4a 46 03 32 00 01 0b 01"
                + " 00 00 0e 01", hex());
    }

    @Test
    void opaqueDataCarriesItsLengthAsMbUInt32() throws IOException {
        byte[] data = new byte[200];
        data[199] = 0x7F;
        new WbxmlWriter(out).opaque(MIME, data).finish();
        byte[] written = out.toByteArray();
        assertEquals("03 01 6a 00 00 15 50 c3 81 48", HexFormat.ofDelimiter(" ").formatHex(written, 0, 10));
        assertEquals(10 + 200 + 1, written.length);
        assertEquals(0x7F, written[209]);
        assertEquals(0x01, written[210]);
    }

    @Test
    void opaqueDataStreamsFromAnInputStream() throws IOException, MalformedWbxml {
        byte[] attachment = new byte[100_000];
        new java.util.Random(7).nextBytes(attachment);
        new WbxmlWriter(out).opaque(MIME, attachment.length, new ByteArrayInputStream(attachment)).finish();
        assertArrayEquals(attachment, Captures.decode(out.toByteArray()).bytes());

        assertThrows(EOFException.class, () -> new WbxmlWriter(new ByteArrayOutputStream())
                .opaque(MIME, 10, new ByteArrayInputStream(new byte[9])));
    }

    @Test
    void mbUInt32LengthsAtEveryWidth() throws IOException, MalformedWbxml {
        for (int length : new int[] {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152}) {
            out.reset();
            new WbxmlWriter(out).opaque(MIME, new byte[length]).finish();
            assertEquals(length, Captures.decode(out.toByteArray()).bytes().length);
        }
    }

    @Test
    void streamsAsItGoesRatherThanHoldingTheDocument() throws IOException {
        long[] arrived = new long[1];
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                arrived[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                arrived[0] += len;
            }
        };
        WbxmlWriter writer = new WbxmlWriter(counting).start(SYNC);
        String value = "x".repeat(100);
        long written = 4 + 1;
        for (int i = 0; i < 100_000; i++) {
            writer.text(SYNC_KEY, value);
            written += 1 + 1 + value.length() + 1 + 1;
            assertTrue(arrived[0] > written - 8192, "at most one buffer of 8 KiB is held back");
        }
        writer.end().flush();
        assertEquals(written + 1, arrived[0]);
    }

    @Test
    void refusesToWriteWhatIsNotOneWellFormedDocument() throws IOException {
        assertThrows(IllegalStateException.class, () -> new WbxmlWriter(out).end());
        assertThrows(IllegalStateException.class, () -> new WbxmlWriter(out).start(SYNC).finish());
        assertThrows(IllegalStateException.class, () -> new WbxmlWriter(out).finish());
        assertThrows(IllegalStateException.class, () -> new WbxmlWriter(out).empty(SYNC).empty(SYNC));
        assertThrows(IllegalArgumentException.class, () -> new WbxmlWriter(out).text(SYNC_KEY, "a\0b"));
    }

    @Test
    void writesADecodedTreeBack() throws IOException, MalformedWbxml {
        Element tree = Element.of(SYNC, Element.text(SYNC_KEY, "7"), Element.empty(STATUS),
                Element.of(BODY, Element.text(DATA, ""), Element.opaque(TYPE, new byte[] {1, 2})));
        new WbxmlWriter(out).element(tree).finish();
        assertEquals(tree, Captures.decode(out.toByteArray()));
    }
}
