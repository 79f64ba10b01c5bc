package org.syncbridge.auth;

import java.security.Principal;

/**
 * A user whose login succeeded, as the rest of a request needs to know it.
 *
 * @param imapLogin the login this user presents to the IMAP server
 */
public record AuthenticatedUser(long userId, long contextId, String contextName, String loginName,
                                String displayName, String primaryEmail, boolean activeSync, boolean outlook,
                                String imapLogin)
        implements Principal {

    public boolean has(Permission permission) {
        return switch (permission) {
            case ACTIVESYNC -> activeSync;
            case OUTLOOK -> outlook;
        };
    }

    @Override
    public String getName() {
        return loginName;
    }
}
