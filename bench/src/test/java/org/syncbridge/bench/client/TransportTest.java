package org.syncbridge.bench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void onlyHttpsToLoopbackAddressesIsAllowed() {
        Transport.requireLoopback(URI.create("https://localhost:8843/"));
        Transport.requireLoopback(URI.create("https://127.0.0.1:8843/"));
        Transport.requireLoopback(URI.create("https://[::1]:8843/"));
        assertThrows(IllegalArgumentException.class, () -> Transport.requireLoopback(URI.create("http://localhost:8480/")));
        assertThrows(IllegalArgumentException.class, () -> Transport.requireLoopback(URI.create("https://192.0.2.10:8443/")));
        assertThrows(IllegalArgumentException.class, () -> Transport.requireLoopback(URI.create("https://[2001:db8::1]:8443/")));
    }

    @Test
    void theServersOwnCertificateIsTrustedAndNoOther() throws Exception {
        try (FakeEasServer server = new FakeEasServer(request -> request)) {
            Transport trusting = Transport.loopback(server.base(), FakeEasServer.certificate("server"), Duration.ofSeconds(10));
            HttpResponse<String> answer = trusting.send(trusting.request(server.base()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), "reached the server (an empty GET is no WBXML)");

            Transport other = Transport.loopback(server.base(), FakeEasServer.certificate("other"), Duration.ofSeconds(10));
            UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                    () -> other.send(other.request(server.base()).GET().build(), HttpResponse.BodyHandlers.ofString()));
            assertTrue(refused.getCause() instanceof SSLHandshakeException, refused.getCause().toString());
        }
    }

    @Test
    void requestsGoToTheBenchmarksServerOnly() throws Exception {
        Transport transport = Transport.loopback(URI.create("https://localhost:8843/"), FakeEasServer.certificate("server"), Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> transport.request(URI.create("https://localhost:8443/api")));
        assertEquals(URI.create("https://localhost:8843/api/admin"), transport.resolve("api/admin"));
    }
}
