package org.syncbridge.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String header(String credentials, java.nio.charset.Charset charset) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(charset));
    }

    @Test
    void splitsAtTheFirstColonSoPasswordsMayHoldColons() {
        assertEquals(Optional.of(new BasicCredentials("example.org\\alice", "pa:ss")),
                BasicCredentials.parse(header("example.org\\alice:pa:ss", StandardCharsets.UTF_8)));
    }

    @Test
    void readsUtf8AndFallsBackToLatin1() {
        assertEquals("pässwörd", BasicCredentials.parse(header("jürgen:pässwörd", StandardCharsets.UTF_8)).orElseThrow().password());
        assertEquals("pässwörd", BasicCredentials.parse(header("jürgen:pässwörd", StandardCharsets.ISO_8859_1)).orElseThrow().password());
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertTrue(BasicCredentials.parse("basic " + Base64.getEncoder().encodeToString("bob:x".getBytes(StandardCharsets.UTF_8))).isPresent());
    }

    @Test
    void anythingElseIsNoCredentials() {
        for (String header : new String[] {null, "", "Basic", "Basic !!!notbase64", "Bearer abc",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8))}) {
            assertEquals(Optional.empty(), BasicCredentials.parse(header), String.valueOf(header));
        }
    }

    @Test
    void thePasswordNeverShowsInLogs() {
        assertTrue(!new BasicCredentials("bob", "secret").toString().contains("secret"));
    }
}
