package org.syncbridge.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * A phone: EAS over HTTPS with WBXML bodies, one DeviceId, remembering its policy key. It trusts the
 * test server's self-signed certificate, which names localhost.
 */
final class EasClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .sslContext(trustingTestServer()).build();

    /** The test server's HTTPS address (the port of ear/pom.xml), for a base URL Arquillian gives over HTTP. */
    static URI https() {
        return URI.create("https://localhost:" + System.getProperty("it.https.port") + "/");
    }

    private static javax.net.ssl.SSLContext trustingTestServer() {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    final URI endpoint;
    final String login;
    final String password;
    final String deviceId;
    final String deviceType;
    final String version;
    String policyKey;
    /** The folders of the last FolderSync from 0, by display name. */
    java.util.Map<String, Element> hierarchy;

    /** An answer: HTTP status, and the decoded body if there was one. */
    record Answer(int status, Optional<Element> body, HttpResponse<byte[]> http) {
        Element root() {
            return body.orElseThrow(() -> new AssertionError("no body; HTTP " + status));
        }

        String text(String namespace, String... path) {
            Element e = root();
            for (String name : path) {
                e = e.child(Tag.of(namespace, name)).orElseThrow(() -> new AssertionError("no " + name + " in " + root()));
            }
            return e.text();
        }
    }

    EasClient(URI base, String login, String password, String deviceId, String deviceType, String version) {
        this.endpoint = base.resolve("Microsoft-Server-ActiveSync");
        this.login = login;
        this.password = password;
        this.deviceId = deviceId;
        this.deviceType = deviceType;
        this.version = version;
    }

    HttpResponse<byte[]> options() {
        return send(HttpRequest.newBuilder(endpoint).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    Answer post(String command, Element body) {
        return post(command, body == null ? null : encode(body));
    }

    Answer post(String command, byte[] body) {
        String query = "Cmd=" + command + "&User=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + "&DeviceId=" + deviceId + "&DeviceType=" + deviceType;
        return postTo(URI.create(endpoint + "?" + query), body, true);
    }

    /**
     * Up to 12.1, SendMail, SmartReply and SmartForward: the raw message as the body (message/rfc822), the command's
     * parameters ({@code parameters}, e.g. "ItemId=5&CollectionId=3&SaveInSent=T") in the plain query.
     */
    Answer postMime(String command, String parameters, byte[] mime) {
        String query = "Cmd=" + command + "&User=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + "&DeviceId=" + deviceId + "&DeviceType=" + deviceType + (parameters.isEmpty() ? "" : "&" + parameters);
        return postTo(URI.create(endpoint + "?" + query), mime, true, "message/rfc822");
    }

    /** Posts with a query string as given (e.g. the base64 form), which then carries version and key itself. */
    Answer postTo(URI uri, byte[] body, boolean headers) {
        return postTo(uri, body, headers, "application/vnd.ms-sync.wbxml");
    }

    Answer postTo(URI uri, byte[] body, boolean headers, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType)
                .header("User-Agent", "Syncbridge-IT/1.0");
        if (headers) {
            request.header("MS-ASProtocolVersion", version);
            if (policyKey != null) {
                request.header("X-MS-PolicyKey", policyKey);
            }
        }
        HttpResponse<byte[]> response = send(request);
        Optional<Element> decoded = Optional.empty();
        if (response.body().length > 0 && response.headers().firstValue("Content-Type").orElse("").contains("wbxml")) {
            try {
                decoded = Optional.of(new WbxmlDecoder().decode(new ByteArrayInputStream(response.body())));
            } catch (IOException | MalformedWbxml e) {
                throw new AssertionError("the server answered malformed WBXML", e);
            }
        }
        return new Answer(response.statusCode(), decoded, response);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(60)).header("Authorization", Api.basic(login, password));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] encode(Element body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WbxmlWriter writer = new WbxmlWriter(out);
            writer.element(body);
            writer.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- building request bodies ---

    static Element el(String namespace, String name, Element... children) {
        return Element.of(Tag.of(namespace, name), children);
    }

    static Element text(String namespace, String name, String value) {
        return Element.text(Tag.of(namespace, name), value);
    }

    static Element empty(String namespace, String name) {
        return Element.empty(Tag.of(namespace, name));
    }

    /** Both provisioning phases; afterwards the client sends the final key. */
    void provision() {
        Answer first = post("Provision", el("Provision:", "Provision", el("Provision:", "Policies", el("Provision:", "Policy",
                text("Provision:", "PolicyType", "MS-EAS-Provisioning-WBXML")))));
        String temporary = first.text("Provision:", "Policies", "Policy", "PolicyKey");
        policyKey = temporary;
        Answer second = post("Provision", el("Provision:", "Provision", el("Provision:", "Policies", el("Provision:", "Policy",
                text("Provision:", "PolicyType", "MS-EAS-Provisioning-WBXML"), text("Provision:", "PolicyKey", temporary),
                text("Provision:", "Status", "1")))));
        policyKey = second.text("Provision:", "Policies", "Policy", "PolicyKey");
    }

    Answer folderSync(String key) {
        return post("FolderSync", el("FolderHierarchy:", "FolderSync", text("FolderHierarchy:", "SyncKey", key)));
    }
}
