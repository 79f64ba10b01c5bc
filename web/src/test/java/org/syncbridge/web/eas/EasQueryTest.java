package org.syncbridge.web.eas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EasQueryTest {

    @Test
    void plainQueryOfACapture() throws Exception {
        EasQuery q = EasQuery.parse("Cmd=Ping&User=exta%40exchange.lyn.lng&DeviceId=SAMSUNG1358488043261754&DeviceType=SAMSUNGGTI9100P");
        assertEquals("Ping", q.command());
        assertEquals("exta@exchange.lyn.lng", q.user());
        assertEquals("SAMSUNG1358488043261754", q.deviceId());
        assertEquals("SAMSUNGGTI9100P", q.deviceType());
        assertEquals(Optional.empty(), q.version());
        assertNull(q.policyKey());
    }

    @Test
    void plainQueryKeepsCommandParameters() throws Exception {
        EasQuery q = EasQuery.parse("Cmd=SmartReply&User=a&DeviceId=d1&DeviceType=iPhone&ItemId=5%3A12&CollectionId=5&SaveInSent=T");
        assertEquals("5:12", q.parameters().get("ItemId"));
        assertTrue(q.flag("SaveInSent"));
    }

    /** The example of MS-ASHTTP 2.2.1.1.1.1: Sync, version 14.0, device v140Device of type SmartPhone. */
    @Test
    void base64QueryOfTheSpecification() throws Exception {
        EasQuery q = EasQuery.parse("jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l");
        assertEquals("Sync", q.command());
        assertEquals(Optional.of(ProtocolVersion.V14_0), q.version());
        assertEquals("v140Device", q.deviceId());
        assertEquals("SmartPhone", q.deviceType());
        assertNull(q.policyKey());
    }

    @Test
    void base64QueryWithPolicyKeyUserAndOptions() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(161);
        b.write(20); // Provision
        b.write(new byte[] {0x09, 0x04});
        bytes(b, "dev-1".getBytes(StandardCharsets.US_ASCII));
        b.write(4);
        b.write(new byte[] {(byte) 0xd2, 0x04, 0, (byte) 0x80}); // 0x800004d2 little-endian
        bytes(b, "Android".getBytes(StandardCharsets.US_ASCII));
        b.write(8);
        bytes(b, "alice@example.org".getBytes(StandardCharsets.UTF_8));
        b.write(7);
        bytes(b, new byte[] {0x01});
        EasQuery q = EasQuery.parse(Base64.getEncoder().encodeToString(b.toByteArray()));
        assertEquals("Provision", q.command());
        assertEquals(Optional.of(ProtocolVersion.V16_1), q.version());
        assertEquals(0x800004d2L, q.policyKey());
        assertEquals("alice@example.org", q.user());
        assertTrue(q.flag("SaveInSent"));
    }

    /** Base64 has '+' and '/'; clients send them raw or as %2B and %2F, and neither is a space. */
    @Test
    void aPlusInTheBase64QueryStaysAPlus() throws Exception {
        // the key's last three bytes start at offset 9, a multiple of 3, and encode as "++++"
        byte[] raw = {(byte) 141, 9, 0x09, 0x04, 2, 'd', '1', 4, 0x01, (byte) 0xfb, (byte) 0xef, (byte) 0xbe, 1, 'x'};
        String encoded = Base64.getEncoder().encodeToString(raw);
        assertTrue(encoded.contains("++++"), encoded);
        for (String query : new String[] {encoded, encoded.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")}) {
            EasQuery q = EasQuery.parse(query);
            assertEquals("FolderSync", q.command());
            assertEquals(0xbeeffb01L, q.policyKey());
        }
    }

    @Test
    void badQueriesAreInvalidNotErrors() {
        for (String bad : new String[] {null, "", "Cmd=Sync&DeviceType=x", "Cmd=Sync&DeviceId=d", "DeviceId=d&DeviceType=t&Cmd=",
                "!!!", "jAAJ", Base64.getEncoder().encodeToString(new byte[] {(byte) 141, 99, 9, 4, 0, 0, 0}),
                Base64.getEncoder().encodeToString(new byte[] {(byte) 77, 0, 9, 4, 0, 0, 0})}) {
            assertThrows(EasQuery.Invalid.class, () -> EasQuery.parse(bad), String.valueOf(bad));
        }
    }

    private static void bytes(ByteArrayOutputStream b, byte[] value) {
        b.write(value.length);
        b.writeBytes(value);
    }
}
