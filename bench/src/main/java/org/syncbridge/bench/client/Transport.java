package org.syncbridge.bench.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS to a server on this machine. It trusts exactly the server's own self-signed certificate (the file
 * ensure-keystore.sh writes), nothing else, and refuses any address that is not loopback: a benchmark must
 * never load another machine. Host names are verified as usual (the certificate names localhost).
 */
public final class Transport {
    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;

    private Transport(URI base, HttpClient http, Duration requestTimeout) {
        this.base = base;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /** A transport to {@code base} (https, loopback only) trusting the PEM or DER certificate in {@code certificate}. */
    public static Transport loopback(URI base, Path certificate, Duration requestTimeout) {
        requireLoopback(base);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // as phones speak EAS
                .connectTimeout(Duration.ofSeconds(10))
                .sslContext(trusting(certificate))
                .build();
        return new Transport(base.toString().endsWith("/") ? base : URI.create(base + "/"), http, requestTimeout);
    }

    /** Throws unless {@code uri} is https and every address of its host is a loopback address. */
    public static void requireLoopback(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the benchmark speaks https to a loopback host, not " + uri);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException(uri.getHost() + " is " + address + ", not loopback: the benchmark stays on this machine");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + uri, e);
        }
    }

    static SSLContext trusting(Path certificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(certificate).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the server certificate " + certificate, e);
        }
    }

    /** Trust managers that trust exactly the PEM or DER certificate in {@code certificate}. */
    public static TrustManagerFactory trustManagers(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            Certificate server = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("syncbridge-server", server);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server certificate " + certificate, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the server certificate " + certificate, e);
        }
    }

    public URI resolve(String path) {
        return base.resolve(path);
    }

    /** A request builder for {@code uri} with the transport's timeout. */
    public HttpRequest.Builder request(URI uri) {
        requireSameServer(uri);
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void requireSameServer(URI uri) {
        if (!base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) {
            throw new IllegalArgumentException(uri + " is not the benchmark's server " + base);
        }
    }
}
