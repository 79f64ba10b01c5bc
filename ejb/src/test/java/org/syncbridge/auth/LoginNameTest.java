package org.syncbridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginNameTest {

    private static LoginName parse(String login) {
        return LoginName.parse(login).orElseThrow(() -> new AssertionError("no login in '" + login + "'"));
    }

    @Test
    void userAtDomain() {
        assertEquals(new LoginName("example.org", "alice"), parse("alice@example.org"));
    }

    @Test
    void domainBackslashUser() {
        assertEquals(new LoginName("example.org", "alice"), parse("example.org\\alice"));
    }

    @Test
    void bareNameAndEmptyDomainsMeanTheDefaultContext() {
        for (String login : new String[] {"bob", "bob@", "\\bob"}) {
            LoginName name = parse(login);
            assertEquals("bob", name.user(), login);
            assertTrue(name.inDefaultContext(), login);
        }
    }

    @Test
    void domainsAreLowerCasedButUserNamesKeepTheirCase() {
        assertEquals(new LoginName("example.org", "Alice"), parse("Alice@Example.ORG"));
        assertEquals(new LoginName("example", "Alice"), parse("EXAMPLE\\Alice"));
    }

    @Test
    void aDomainFieldPlusAnEmailStyleUserTakesTheEmailDomain() {
        assertEquals(new LoginName("example.org", "alice"), parse("CORP\\alice@example.org"));
    }

    @Test
    void loginsWithoutAUserAreRejected() {
        for (String login : new String[] {null, "", "@example.org", "example.org\\", "a\\b\\c"}) {
            assertEquals(Optional.empty(), LoginName.parse(login), String.valueOf(login));
        }
    }

    @Test
    void canonicalFormKeysThrottlingAcrossShapes() {
        assertEquals(parse("alice@example.org").toString(), parse("EXAMPLE.ORG\\alice").toString());
        assertEquals("bob", parse("bob@").toString());
    }
}
