package org.syncbridge.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

public class SmimeCertificatesTest {

    public static String resource(String name) throws IOException {
        try (InputStream in = SmimeCertificatesTest.class.getResourceAsStream("/org/syncbridge/directory/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
    }

    @Test
    void oneDerCertificateInBase64IsReadAndStoredWithoutLineBreaks() throws IOException {
        String anna = resource("anna-smime.b64");
        String wrapped = anna.replaceAll("(.{64})", "$1\r\n");
        assertEquals(anna, SmimeCertificates.canonical(SmimeCertificates.parse(wrapped)));
        assertTrue(SmimeCertificates.parse(anna).getSubjectX500Principal().getName().contains("CN=Anna Berg"));
    }

    @Test
    void anythingElseIsRefusedWithTheReason() throws IOException {
        String anna = resource("anna-smime.b64");
        byte[] der = Base64.getDecoder().decode(anna);
        byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
        for (String bad : new String[] {null, "", "not base64 !", Base64.getEncoder().encodeToString("hello".getBytes()),
                Base64.getEncoder().encodeToString(trailing), Base64.getEncoder().encodeToString(new byte[20_000])}) {
            assertThrows(IllegalArgumentException.class, () -> SmimeCertificates.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void onlyCertificatesWithinTheirValidityAreHandedToSenders() throws IOException {
        assertTrue(SmimeCertificates.validAt(resource("anna-smime.b64"), Instant.now()));
        assertFalse(SmimeCertificates.validAt(resource("expired-smime.b64"), Instant.now()));
        assertTrue(SmimeCertificates.validAt(resource("expired-smime.b64"), Instant.parse("2000-06-01T00:00:00Z")));
    }
}
