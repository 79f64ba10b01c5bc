package org.syncbridge.tenant;

import java.util.Set;

/**
 * Changes to a user; a null field stays as it is, an empty imapLogin goes back to the login name.
 * {@code syncMailSubfolders} overrides the context's switch; {@code inheritMailSubfolders} true drops the override.
 */
public record UserChanges(String displayName, String primaryEmail, Set<String> aliases, Boolean enabled,
                          Boolean activesync, Boolean outlook, String imapLogin, String password,
                          Boolean syncMailSubfolders, Boolean inheritMailSubfolders) {
}
