package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API: who may do what, and what it answers to bad input. */
class AdminApiIT extends ServerIT {

    @BeforeEach
    void tenantsExist() {
        if (api.asMaster("GET", "api/admin/contexts/red.test", null).statusCode() == 404) {
            for (String context : List.of("red.test", "blue.test")) {
                assertEquals(201, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"" + context + "\"}").statusCode());
                assertEquals(201, api.asMaster("POST", "api/admin/contexts/" + context + "/users",
                        "{\"login\":\"user1\",\"password\":\"User-pw1\"}").statusCode());
            }
            assertEquals(201, api.asMaster("POST", "api/admin/admins",
                    "{\"login\":\"red-admin\",\"password\":\"Red-admin-pw\",\"context\":\"red.test\"}").statusCode());
        }
    }

    @Test
    void theSchemaOfAnEmptyDatabaseIsMigratedToTheNewestScript() throws IOException {
        HttpResponse<String> status = api.asMaster("GET", "api/admin/status", null);
        assertEquals(200, status.statusCode(), status.body());
        assertEquals(newestMigration(), Api.object(status).getString("schemaVersion"));
        // the migration's own row: defaultcontext exists from the start
        assertEquals(200, api.asMaster("GET", "api/admin/contexts/defaultcontext", null).statusCode());
    }

    private static String newestMigration() throws IOException {
        Pattern version = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.*\\.sql");
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.migrations.dir")))) {
            return files.map(f -> version.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1).replace('_', '.'))
                    .max(Comparator.comparing(v -> Stream.of(v.split("\\.")).mapToInt(Integer::parseInt).toArray(),
                            java.util.Arrays::compare))
                    .orElseThrow();
        }
    }

    @Test
    void aUserGets403AndAStrangerGets401() {
        assertEquals(403, api.get("api/admin/contexts", "user1@red.test", "User-pw1").statusCode());
        assertEquals(403, api.get("api/admin/status", "user1@red.test", "User-pw1").statusCode());
        HttpResponse<String> stranger = api.get("api/admin/contexts", "nobody", "nothing");
        assertEquals(401, stranger.statusCode());
        assertTrue(stranger.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
        assertEquals(401, api.get("api/admin/contexts", Api.MASTER, "wrong").statusCode());
        assertEquals(401, api.get("api/admin/contexts", null, null).statusCode());
    }

    @Test
    void aContextAdminSeesAndManagesOnlyItsContext() {
        HttpResponse<String> list = api.get("api/admin/contexts", "red-admin", "Red-admin-pw");
        assertEquals(200, list.statusCode());
        JsonArray contexts = Api.array(list);
        assertEquals(1, contexts.size());
        assertEquals("red.test", contexts.getJsonObject(0).getString("name"));

        assertEquals(403, api.get("api/admin/contexts/blue.test", "red-admin", "Red-admin-pw").statusCode());
        assertEquals(403, api.get("api/admin/contexts/blue.test/users", "red-admin", "Red-admin-pw").statusCode());
        assertEquals(403, api.get("api/admin/contexts/blue.test/users/user1", "red-admin", "Red-admin-pw").statusCode());
        assertEquals(403, api.post("api/admin/contexts/blue.test/users", "red-admin", "Red-admin-pw",
                "{\"login\":\"intruder\",\"password\":\"x-pw\"}").statusCode());
        assertEquals(403, api.get("api/admin/contexts/no-such.test", "red-admin", "Red-admin-pw").statusCode(),
                "another context is forbidden whether or not it exists");

        assertEquals(200, api.get("api/admin/contexts/red.test/users", "red-admin", "Red-admin-pw").statusCode());
        assertEquals(201, api.post("api/admin/contexts/red.test/users", "red-admin", "Red-admin-pw",
                "{\"login\":\"user2\",\"password\":\"User-pw2\",\"outlook\":false}").statusCode());
        assertEquals(200, api.get("api/me", "user2@red.test", "User-pw2").statusCode());
    }

    @Test
    void onlyAMasterAdminCreatesContextsAndAdmins() {
        assertEquals(403, api.post("api/admin/contexts", "red-admin", "Red-admin-pw", "{\"name\":\"green.test\"}").statusCode());
        assertEquals(403, api.patch("api/admin/contexts/red.test", "red-admin", "Red-admin-pw", "{\"enabled\":false}").statusCode());
        assertEquals(403, api.post("api/admin/admins", "red-admin", "Red-admin-pw",
                "{\"login\":\"x\",\"password\":\"y-pw\"}").statusCode());
        JsonArray admins = Api.array(api.get("api/admin/admins", "red-admin", "Red-admin-pw"));
        assertEquals(1, admins.size(), "a context admin lists only its context's admins");
    }

    @Test
    void usersArePublishedWithoutTheirPasswordAndWithTheirPermissions() {
        assertEquals(201, api.asMaster("POST", "api/admin/contexts/blue.test/users",
                "{\"login\":\"perm\",\"password\":\"Perm-pw1\",\"aliases\":[\"p@blue.test\"],\"activesync\":false}").statusCode());
        JsonObject user = Api.object(api.asMaster("GET", "api/admin/contexts/blue.test/users/perm", null));
        assertFalse(user.getBoolean("activesync"));
        assertTrue(user.getBoolean("outlook"));
        assertEquals("perm@blue.test", user.getString("imapLogin"), "login@domain outside the default context");
        assertEquals(List.of("p@blue.test"), user.getJsonArray("aliases").getValuesAs(JsonString::getString));
        assertFalse(user.containsKey("password"));
        assertFalse(user.containsKey("passwordHash"));

        JsonObject changed = Api.object(api.asMaster("PATCH", "api/admin/contexts/blue.test/users/perm",
                "{\"activesync\":true,\"outlook\":false}"));
        assertTrue(changed.getBoolean("activesync"));
        assertFalse(changed.getBoolean("outlook"));
    }

    @Test
    void badInputGetsAJsonErrorNeverA500() {
        assertError(400, api.asMaster("POST", "api/admin/contexts", "{not json"));
        assertError(400, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"bad name!\"}"));
        assertError(400, api.asMaster("POST", "api/admin/contexts/red.test/users", "{\"login\":\"a@b\",\"password\":\"x\"}"));
        assertError(400, api.asMaster("POST", "api/admin/contexts/red.test/users", "{\"login\":\"nopw\"}"));
        assertError(400, api.asMaster("POST", "api/admin/contexts/red.test/users", ""));
        assertError(415, api.asMaster("POST", "api/admin/contexts/red.test/users", null));
        assertError(400, api.asMaster("POST", "api/admin/contexts/red.test/users",
                "{\"login\":\"mail\",\"password\":\"x-pw\",\"primaryEmail\":\"not-an-address\"}"));
        assertError(409, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"red.test\"}"));
        assertError(409, api.asMaster("POST", "api/admin/contexts/red.test/users", "{\"login\":\"user1\",\"password\":\"x-pw\"}"));
        assertError(409, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"red2.test\",\"loginDomains\":[\"red.test\"]}"));
        assertError(404, api.asMaster("GET", "api/admin/contexts/none.test", null));
        assertError(404, api.asMaster("GET", "api/admin/contexts/red.test/users/nobody", null));
        assertError(404, api.asMaster("GET", "api/admin/no-such-resource", null));
    }

    private static void assertError(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject error = Api.object(response);
        assertFalse(error.getString("error").isEmpty());
        assertFalse(error.getString("message").isEmpty());
    }
}
