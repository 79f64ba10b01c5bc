package org.syncbridge.tenant;

import java.util.Set;

/** Changes to a user; a null field stays as it is, an empty imapLogin goes back to the login name. */
public record UserChanges(String displayName, String primaryEmail, Set<String> aliases, Boolean enabled,
                          Boolean activesync, Boolean outlook, String imapLogin, String password) {
}
