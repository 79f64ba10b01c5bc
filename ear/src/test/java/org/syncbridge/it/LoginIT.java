package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every login form a client sends, against users the admin API created. */
class LoginIT extends ServerIT {

    @BeforeEach
    void contextExists() {
        if (api.asMaster("GET", "api/admin/contexts/example.org", null).statusCode() == 404) {
            assertEquals(201, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"example.org\"}").statusCode());
            assertEquals(201, api.asMaster("POST", "api/admin/contexts/example.org/users",
                    "{\"login\":\"alice\",\"password\":\"Alice-pw1\",\"displayName\":\"Alice\",\"primaryEmail\":\"alice@example.org\"}").statusCode());
            assertEquals(201, api.asMaster("POST", "api/admin/contexts/defaultcontext/users",
                    "{\"login\":\"bob\",\"password\":\"Bob-pw1\"}").statusCode());
            // a second alice in the default context, to prove the domain picks the context
            assertEquals(201, api.asMaster("POST", "api/admin/contexts/defaultcontext/users",
                    "{\"login\":\"alice\",\"password\":\"Other-alice\"}").statusCode());
        }
    }

    private JsonObject me(String login, String password) {
        HttpResponse<String> response = api.get("api/me", login, password);
        assertEquals(200, response.statusCode(), () -> login + ": " + response.body());
        return Api.object(response);
    }

    @Test
    void userAtDomainLogsIntoTheContextOfTheDomain() {
        JsonObject me = me("alice@example.org", "Alice-pw1");
        assertEquals("alice", me.getString("login"));
        assertEquals("example.org", me.getString("context"));
        assertEquals("alice@example.org", me.getString("primaryEmail"));
    }

    @Test
    void domainBackslashUserLogsIntoTheSameContext() {
        assertEquals("example.org", me("example.org\\alice", "Alice-pw1").getString("context"));
        assertEquals("example.org", me("EXAMPLE.ORG\\alice", "Alice-pw1").getString("context"));
    }

    @Test
    void bareNameAndEmptyDomainMeanTheDefaultContext() {
        assertEquals("defaultcontext", me("bob", "Bob-pw1").getString("context"));
        assertEquals("defaultcontext", me("\\bob", "Bob-pw1").getString("context"));
        assertEquals("defaultcontext", me("bob@", "Bob-pw1").getString("context"));
        assertEquals("defaultcontext", me("alice", "Other-alice").getString("context"));
    }

    @Test
    void wrongPasswordGets401WithABasicChallenge() {
        HttpResponse<String> response = api.get("api/me", "alice@example.org", "wrong");
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
    }

    @Test
    void namesAndPasswordsAreCaseSensitive() {
        assertEquals(401, api.get("api/me", "Alice@example.org", "Alice-pw1").statusCode());
        assertEquals(401, api.get("api/me", "alice@example.org", "alice-pw1").statusCode());
        assertEquals(401, api.get("api/me", "BOB", "Bob-pw1").statusCode());
    }

    @Test
    void missingCredentialsAndUnknownDomainsGet401() {
        HttpResponse<String> none = api.get("api/me", null, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").isPresent());
        assertEquals(401, api.get("api/me", "alice@nowhere.test", "Alice-pw1").statusCode());
        assertEquals(401, api.get("api/me", "alice@example.org", "Other-alice").statusCode());
    }

    @Test
    void disabledUsersAndContextsCannotLogIn() {
        api.asMaster("POST", "api/admin/contexts", "{\"name\":\"closed.test\"}");
        api.asMaster("POST", "api/admin/contexts/closed.test/users", "{\"login\":\"dora\",\"password\":\"Dora-pw1\"}");
        assertEquals(200, api.get("api/me", "dora@closed.test", "Dora-pw1").statusCode());

        api.asMaster("PATCH", "api/admin/contexts/closed.test/users/dora", "{\"enabled\":false}");
        assertEquals(401, api.get("api/me", "dora@closed.test", "Dora-pw1").statusCode());
        api.asMaster("PATCH", "api/admin/contexts/closed.test/users/dora", "{\"enabled\":true}");
        assertEquals(200, api.get("api/me", "dora@closed.test", "Dora-pw1").statusCode());

        api.asMaster("PATCH", "api/admin/contexts/closed.test", "{\"enabled\":false}");
        assertEquals(401, api.get("api/me", "dora@closed.test", "Dora-pw1").statusCode());
    }

    @Test
    void aPasswordChangeEndsTheOldPasswordAtOnce() {
        api.asMaster("POST", "api/admin/contexts/defaultcontext/users", "{\"login\":\"erin\",\"password\":\"Erin-old\"}");
        assertEquals(200, api.get("api/me", "erin", "Erin-old").statusCode()); // now remembered as verified
        assertEquals(204, api.asMaster("PUT", "api/admin/contexts/defaultcontext/users/erin/password",
                "{\"password\":\"Erin-new\"}").statusCode());
        assertEquals(401, api.get("api/me", "erin", "Erin-old").statusCode());
        assertEquals(200, api.get("api/me", "erin", "Erin-new").statusCode());
    }

    @Test
    void repeatedFailuresAreThrottledButNotLockedForGood() throws InterruptedException {
        api.asMaster("POST", "api/admin/contexts/defaultcontext/users", "{\"login\":\"frank\",\"password\":\"Frank-pw1\"}");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.get("api/me", "frank", "guess" + i).statusCode());
        }
        assertEquals(401, api.get("api/me", "frank", "guess-6").statusCode()); // the sixth failure starts the delay

        HttpResponse<String> blocked = api.get("api/me", "frank", "Frank-pw1");
        assertEquals(401, blocked.statusCode(), "the right password is not even checked while throttled");
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(200, api.get("api/me", "bob", "Bob-pw1").statusCode(), "other logins are not slowed down");

        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(200, api.get("api/me", "frank", "Frank-pw1").statusCode(), "after the delay the user gets in");
        assertEquals(401, api.get("api/me", "frank", "guess-again").statusCode());
        assertTrue(api.get("api/me", "frank", "guess-again").headers().firstValue("Retry-After").isEmpty(),
                "a success forgets earlier failures");
    }
}
