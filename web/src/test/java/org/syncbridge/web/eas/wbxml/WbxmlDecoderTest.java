package org.syncbridge.web.eas.wbxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WbxmlDecoderTest {
    static final Tag SYNC = Tag.of("AirSync:", "Sync");
    static final Tag COLLECTIONS = Tag.of("AirSync:", "Collections");
    static final Tag COLLECTION = Tag.of("AirSync:", "Collection");
    static final Tag SYNC_KEY = Tag.of("AirSync:", "SyncKey");
    static final Tag COLLECTION_ID = Tag.of("AirSync:", "CollectionId");
    static final Tag GET_CHANGES = Tag.of("AirSync:", "GetChanges");
    static final Tag DATA = Tag.of("AirSyncBase:", "Data");
    static final Tag MIME = Tag.of("ComposeMail:", "Mime");

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static Element decode(String hex) throws IOException, MalformedWbxml {
        return Captures.decode(hex(hex));
    }

    private static String encode(Element tree) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WbxmlWriter(out).element(tree).finish();
        return HexFormat.ofDelimiter(" ").formatHex(out.toByteArray());
    }

    @Test
    void readsARequestIntoTheTree() throws IOException, MalformedWbxml {
        // <Sync><Collections><Collection><SyncKey>0</SyncKey><CollectionId>4</CollectionId><GetChanges/>
        // </Collection><Collection><CollectionId>5</CollectionId></Collection></Collections></Sync>
        Element sync = decode("03016a00 45 5c 4f 4b033000 01 52033400 01 13 01 4f 52033500 01 01 01 01");
        assertTrue(sync.is(SYNC));
        List<Element> collections = sync.child(COLLECTIONS).orElseThrow().children(COLLECTION);
        assertEquals(2, collections.size());
        assertEquals(Optional.of("0"), collections.get(0).childText(SYNC_KEY));
        assertEquals(Optional.of("4"), collections.get(0).childText(COLLECTION_ID));
        assertEquals(Optional.of(""), collections.get(0).childText(GET_CHANGES), "an empty element reads as \"\"");
        assertFalse(collections.get(0).child(GET_CHANGES).orElseThrow().hasText());
        assertEquals(Optional.empty(), collections.get(1).childText(SYNC_KEY));
    }

    /** An EAS 2.5 client adds a contact with its notes in Contacts:Body and asks for truncated bodies. */
    @Test
    void readsAnEas25ContactsSyncWithItsLegacyTags() throws IOException, MalformedWbxml {
        String body = "03016a00 45 5c 4f"
                + " 50" + inline("Contacts") + "01 4b" + inline("1") + "01 52" + inline("2") + "01"
                + " 57 59" + inline("4") + "01 01" // <Options><Truncation>4</Truncation></Options>
                + " 56 47 4c" + inline("c1") + "01 5d" // <Commands><Add><ClientId>c1</ClientId><ApplicationData>
                + " 0001 5e" + inline("Funk, Don") + "01" // Contacts:FileAs
                + " 49" + inline("Met at the booth") + "01" // Contacts:Body, 0x09
                + " 69" + inline("Funk") + "01" // Contacts:LastName
                + " 01 01 01 01 01 01";
        Element expected = Element.of(SYNC, Element.of(COLLECTIONS, Element.of(COLLECTION,
                Element.text(Tag.of("AirSync:", "Class"), "Contacts"), Element.text(SYNC_KEY, "1"), Element.text(COLLECTION_ID, "2"),
                Element.of(Tag.of("AirSync:", "Options"), Element.text(Tag.of("AirSync:", "Truncation"), "4")),
                Element.of(Tag.of("AirSync:", "Commands"), Element.of(Tag.of("AirSync:", "Add"),
                        Element.text(Tag.of("AirSync:", "ClientId"), "c1"),
                        Element.of(Tag.of("AirSync:", "ApplicationData"),
                                Element.text(Tag.of("Contacts:", "FileAs"), "Funk, Don"),
                                Element.text(Tag.of("Contacts:", "Body"), "Met at the booth"),
                                Element.text(Tag.of("Contacts:", "LastName"), "Funk")))))));

        Element sync = decode(body);
        assertEquals(expected, sync);
        assertEquals(0x09, Tag.of("Contacts:", "Body").token());
        assertEquals(HexFormat.ofDelimiter(" ").formatHex(hex(body)), encode(sync), "and writes it back as it came");
    }

    /** An inline string in hex: STR_I, the UTF-8 bytes, NUL. */
    private static String inline(String text) {
        return " 03" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)) + "00 ";
    }

    @Test
    void keepsOpaqueDataAsBytes() throws IOException, MalformedWbxml {
        Element mime = decode("03016a00 0015 50 c3 03 00ff7f 01");
        assertTrue(mime.isOpaque());
        assertArrayEquals(new byte[] {0, (byte) 0xFF, 0x7F}, mime.bytes());
    }

    // What re-encoding a decoded tree does not keep: the encoder writes one canonical form.

    @Test
    void canonicalFormEmptyContentBecomesAnEmptyTag() throws IOException, MalformedWbxml {
        assertEquals("03 01 6a 00 45 13 01", encode(decode("03016a00 45 53 01 01")), "<GetChanges></GetChanges>");
        assertEquals("03 01 6a 00 45 53 03 00 01 01", encode(decode("03016a00 45 53 0300 01 01")),
                "an empty inline string stays");
    }

    @Test
    void canonicalFormStringTableReferencesAndSplitStringsBecomeOneInlineString() throws IOException, MalformedWbxml {
        // string table "ab\0c\0" (5 bytes); SyncKey = STR_T 0, STR_I "x", ENTITY 0xE9, STR_T 3
        Element sync = decode("03016a05 61620063 00 45 4b 8300 037800 0281 69 8303 01 01");
        assertEquals(Optional.of("abxéc"), sync.childText(SYNC_KEY));
        assertEquals("03 01 6a 00 45 4b 03 61 62 78 c3 a9 63 00 01 01", encode(sync));
    }

    @Test
    void canonicalFormRedundantPageSwitchesAndOtherHeadersAreDropped() throws IOException, MalformedWbxml {
        // WBXML 1.1, public id as string table index 0 ("x"), switches to the current page
        assertEquals("03 01 6a 00 45 0b 01", encode(decode("01 00 00 6a 02 7800 0000 45 0000 0b 01")));
    }

    @Test
    void refusesMalformedBodiesWithOneException() {
        String[][] cases = {
                {"", "ends before the root element"},
                {"03016a00", "ends before the root element"},
                {"03016a00 45 4b 0361", "ends inside a string"},
                {"03016a00 45 4b", "ends inside AirSync:SyncKey"},
                {"04016a00 05", "WBXML version"},
                {"03010400 05", "charset 4"},
                {"03016a00 001a 05", "unknown code page 26"},
                {"03016a00 0003 05", "unknown token 0x05 on code page 3"},
                {"03016a00 11", "unknown token 0x11 on code page 0"},
                {"03016a00 85 01", "attributes"},
                {"03016a00 45 04 01", "global token 0x04"},
                {"03016a00 45 43 01", "global token 0x43"},
                {"03016a00 45 c0 01", "global token 0xC0"},
                {"03016a00 01", "END outside any element"},
                {"03016a00 0300", "content outside the root element"},
                {"03016a00 05 05", "data after the root element"},
                {"03016a00 45 4b 033100 05 01 01", "mixes text and elements"},
                {"03016a00 45 4b 05 033100 01 01", "mixes text with elements"},
                {"03016a00 45 4b c30131 033100 01 01", "mixes text with elements or opaque"},
                {"03016a00 45 4b 033100 c30131 01 01", "mixes opaque data"},
                {"03016a00 45 4b 83 00 01 01", "string table reference 0 beyond"},
                {"03016a02 6162 45 4b 8300 01 01", "no terminating NUL"},
                {"03016a00 45 4b 0200 01 01", "entity 0 is not a character"},
                {"03016a00 45 4b 0283b000 01 01", "entity 55296 is not a character"},
                {"03016a00 45 4b 02c48000 01 01", "entity 1114112 is not a character"},
                {"03016a00 45 4b 838080808080 00 01 01", "mb_u_int32 longer than 5 bytes"},
                {"03016a00 45 4b 839fffffff7f 01 01", "mb_u_int32 beyond 32 bits"},
                {"03016a00 0015 50 c3 8fffffff7f 01", "opaque data of 4294967295 bytes"},
                {"03016a00 0015 50 c3 05 0102 ", "ends inside opaque data"},
                {"03016a 8fffffff7f 05", "string table of 4294967295 bytes"},
        };
        for (String[] example : cases) {
            MalformedWbxml e = assertThrows(MalformedWbxml.class, () -> decode(example[0]), example[0]);
            assertTrue(e.getMessage().contains(example[1]), example[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void enforcesItsLimits() {
        WbxmlDecoder.Limits small = new WbxmlDecoder.Limits(1000, 100, 10, 4, 200);
        String[][] cases = {
                {"03016a00" + "45".repeat(5) + "01".repeat(5), "nested deeper than 4"},
                {"03016a00 45" + "0b".repeat(200) + "01", "more than 200 elements"},
                {"03016a00 45 4b 03" + "61".repeat(101) + "00 01 01", "string longer than 100 bytes"},
                {"03016a0b 00000000000000000000 00 05", "string table of 11 bytes"},
                {"03016a00 0015 50 c3 8770" + "00".repeat(10) + "01", "opaque data of 1008 bytes, more than the 990 allowed"},
                {"03016a00 45 4b 03" + "61".repeat(2000) + "00 01 01", "body longer than 1000 bytes"},
                // 10 bytes of string table, referenced 120 times: 1080 bytes of text from a body of 500
                {"03016a0a 61616161616161616100 45" + "4b 8300 01".repeat(120) + "01",
                        "strings and opaque data longer than 1000 bytes"},
        };
        for (String[] example : cases) {
            MalformedWbxml e = assertThrows(MalformedWbxml.class,
                    () -> new WbxmlDecoder(small).decode(new ByteArrayInputStream(hex(example[0]))), example[0]);
            assertTrue(e.getMessage().contains(example[1]), example[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void theDefaultLimitsStopAnEndlessBodyAndAnEndlessString() {
        InputStream header = new ByteArrayInputStream(hex("03016a00 45 4b 03"));
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'a');
                return len;
            }
        };
        MalformedWbxml e = assertThrows(MalformedWbxml.class,
                () -> new WbxmlDecoder().decode(new SequenceInputStream(header, endless)));
        assertTrue(e.getMessage().contains("string longer than 33554432 bytes"), e.getMessage());

        WbxmlDecoder.Limits longStrings = new WbxmlDecoder.Limits(1 << 20, Integer.MAX_VALUE, 0, 64, 100);
        e = assertThrows(MalformedWbxml.class, () -> new WbxmlDecoder(longStrings)
                .decode(new SequenceInputStream(new ByteArrayInputStream(hex("03016a00 45 4b 03")), endless)));
        assertTrue(e.getMessage().contains("body longer than 1048576 bytes"), e.getMessage());
    }

    @Test
    void readErrorsStayIoExceptions() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThrows(IOException.class, () -> new WbxmlDecoder().decode(failing));
    }

    @Test
    void anElementTreeIsAValue() throws IOException, MalformedWbxml {
        Element one = decode("03016a00 45 4b033700 01 13 01");
        assertEquals(Element.of(SYNC, Element.text(SYNC_KEY, "7"), Element.empty(GET_CHANGES)), one);
        assertEquals("<AirSync:Sync><AirSync:SyncKey>7</AirSync:SyncKey><AirSync:GetChanges/></AirSync:Sync>",
                one.toString());
        assertEquals(Element.opaque(DATA, new byte[] {1}), Element.opaque(DATA, new byte[] {1}));
        assertFalse(Element.opaque(MIME, new byte[] {1}).equals(Element.text(MIME, "\u0001")));
    }
}
