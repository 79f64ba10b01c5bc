package org.syncbridge.bench.client;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The product's admin API (docs/admin-api.md), as the master admin: contexts and users for the phones. */
public final class AdminApi {
    private final Transport transport;
    private final String authorization;

    public AdminApi(Transport transport, String login, String password) {
        this.transport = transport;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the admin API answers the master admin: the EAR is deployed and the server ready. */
    public boolean ready() {
        return get("api/admin/contexts").statusCode() == 200;
    }

    public void createContext(String name) {
        expect(201, post("api/admin/contexts", "{\"name\":\"" + json(name) + "\"}"), "create context " + name);
    }

    public void createUser(String context, String login, String password) {
        expect(201, post("api/admin/contexts/" + context + "/users",
                "{\"login\":\"" + json(login) + "\",\"password\":\"" + json(password) + "\"}"), "create user " + login);
    }

    /** A user whose mail is the IMAP account {@code imapLogin}, also its primary address. */
    public void createMailUser(String context, String login, String password, String imapLogin) {
        expect(201, post("api/admin/contexts/" + context + "/users", "{\"login\":\"" + json(login) + "\",\"password\":\"" + json(password)
                + "\",\"imapLogin\":\"" + json(imapLogin) + "\",\"primaryEmail\":\"" + json(imapLogin) + "\"}"), "create user " + login);
    }

    private HttpResponse<String> get(String path) {
        return transport.send(transport.request(transport.resolve(path)).GET().header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String json) {
        return transport.send(transport.request(transport.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Authorization", authorization).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new EasFailure(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /** Names made by the benchmark only: letters, digits, '.', '-', '_', '@'; anything else is a bug here. */
    private static String json(String value) {
        if (!value.matches("[A-Za-z0-9.@\\-_]+")) {
            throw new IllegalArgumentException("not a benchmark name: " + value);
        }
        return value;
    }
}
