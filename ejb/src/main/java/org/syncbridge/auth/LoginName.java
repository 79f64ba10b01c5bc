package org.syncbridge.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * A login as a client presents it, split into domain and user name: {@code user@domain},
 * {@code DOMAIN&#92;user} or a bare {@code user}. A missing or empty domain means the default context.
 * User names stay case-sensitive; domains are DNS-like and compared lower-case.
 *
 * @param domain the login domain, lower-case, or null for the default context
 * @param user   the user's login name within the context
 */
public record LoginName(String domain, String user) {

    /**
     * Parses every login shape a client sends. {@code DOMAIN&#92;user@domain} (a phone with a domain
     * field and an e-mail style user name) takes the domain after the {@code @}.
     */
    public static Optional<LoginName> parse(String login) {
        if (login == null || login.isEmpty()) {
            return Optional.empty();
        }
        String domain = null;
        String user = login;
        int backslash = user.indexOf('\\');
        if (backslash >= 0) {
            domain = user.substring(0, backslash);
            user = user.substring(backslash + 1);
        }
        int at = user.lastIndexOf('@');
        if (at >= 0) {
            domain = user.substring(at + 1);
            user = user.substring(0, at);
        }
        if (user.isEmpty() || user.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        return Optional.of(new LoginName(domain == null || domain.isEmpty() ? null : domain.toLowerCase(Locale.ROOT), user));
    }

    public boolean inDefaultContext() {
        return domain == null;
    }

    /** The canonical form, used to key throttling and the credential cache. */
    @Override
    public String toString() {
        return domain == null ? user : user + "@" + domain;
    }
}
