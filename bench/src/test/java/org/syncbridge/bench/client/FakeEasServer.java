package org.syncbridge.bench.client;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;

/**
 * An HTTPS server on 127.0.0.1 with a test certificate (src/test/resources/server.p12, made for these tests
 * only), answering each POST with what {@code answer} makes of the decoded request.
 */
public final class FakeEasServer implements AutoCloseable {
    /** One request as the server saw it. */
    public record Request(String command, String deviceId, String policyKey, InetAddress from, Element body) {
    }

    /** Answers a request; null for an empty HTTP 500. */
    public interface Answerer {
        Element answer(Request request) throws Exception;
    }

    /** What the server saw of the last request. */
    volatile String query;
    volatile String policyKeyHeader;
    volatile String versionHeader;
    volatile String authorization;
    volatile Element body;
    private final HttpsServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    /** @param answer the WBXML answer to a request, or null for an empty HTTP 500 */
    FakeEasServer(Function<Element, Element> answer) throws Exception {
        this((Answerer) request -> answer.apply(request.body()));
    }

    /** A server answering each request as {@code answer} says. */
    public static FakeEasServer answering(Answerer answer) throws Exception {
        return new FakeEasServer(answer);
    }

    /** Each request is answered on its own thread, so a slow answer holds up no other connection. */
    private FakeEasServer(Answerer answer) throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            query = exchange.getRequestURI().getRawQuery();
            policyKeyHeader = exchange.getRequestHeaders().getFirst("X-MS-PolicyKey");
            versionHeader = exchange.getRequestHeaders().getFirst("MS-ASProtocolVersion");
            authorization = exchange.getRequestHeaders().getFirst("Authorization");
            try {
                Element request = new WbxmlDecoder().decode(new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()));
                body = request;
                String q = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
                Element reply = answer.answer(new Request(parameter(q, "Cmd"), parameter(q, "DeviceId"),
                        exchange.getRequestHeaders().getFirst("X-MS-PolicyKey"), exchange.getRemoteAddress().getAddress(), request));
                if (reply == null) {
                    exchange.sendResponseHeaders(500, -1);
                } else {
                    byte[] bytes = EasClient.encode(reply);
                    exchange.getResponseHeaders().add("Content-Type", "application/vnd.ms-sync.wbxml");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    public URI base() {
        return URI.create("https://localhost:" + server.getAddress().getPort() + "/");
    }

    public static Path certificate(String name) throws Exception {
        return Path.of(FakeEasServer.class.getResource("/" + name + ".crt").toURI());
    }

    private static SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = FakeEasServer.class.getResourceAsStream("/server.p12")) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
