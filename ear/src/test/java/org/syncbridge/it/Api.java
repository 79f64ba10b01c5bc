package org.syncbridge.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Drives the deployed server over HTTP, as an admin tool or a client would. */
final class Api {
    static final String MASTER = "admin";
    static final String MASTER_PASSWORD = "it-master-secret"; // SYNCBRIDGE_ADMIN_PASSWORD in ear/pom.xml

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;

    Api(URL base) {
        this.base = URI.create(base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/");
    }

    /** The real EAR that the build produced. */
    static EnterpriseArchive realEar() {
        return ShrinkWrap.create(ZipImporter.class, "syncbridge.ear")
                .importFrom(new File(System.getProperty("syncbridge.ear"))).as(EnterpriseArchive.class);
    }

    HttpResponse<String> get(String path, String login, String password) {
        return send("GET", path, login, password, null);
    }

    HttpResponse<String> post(String path, String login, String password, String json) {
        return send("POST", path, login, password, json);
    }

    HttpResponse<String> patch(String path, String login, String password, String json) {
        return send("PATCH", path, login, password, json);
    }

    HttpResponse<String> put(String path, String login, String password, String json) {
        return send("PUT", path, login, password, json);
    }

    HttpResponse<String> asMaster(String method, String path, String json) {
        return send(method, path, MASTER, MASTER_PASSWORD, json);
    }

    HttpResponse<String> send(String method, String path, String login, String password, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (login != null) {
            request.header("Authorization", basic(login, password));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request as the master admin with a body of another type than JSON, e.g. a photo; the answer as bytes. */
    HttpResponse<byte[]> bytesAsMaster(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", basic(MASTER, MASTER_PASSWORD));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }

    static JsonArray array(HttpResponse<String> response) {
        return (JsonArray) json(response);
    }

    private static JsonStructure json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }
}
