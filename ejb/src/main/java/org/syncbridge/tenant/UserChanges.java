package org.syncbridge.tenant;

import java.util.List;
import java.util.Set;

/**
 * Changes to a user; a null field stays as it is, an empty imapLogin goes back to the login name.
 * {@code syncMailSubfolders} overrides the context's switch; {@code inheritMailSubfolders} true drops the override.
 * {@code directory} changes the fields it names; {@code certificates} replaces the whole list.
 */
public record UserChanges(String displayName, String primaryEmail, Set<String> aliases, Boolean enabled,
                          Boolean activesync, Boolean outlook, String imapLogin, String password,
                          Boolean syncMailSubfolders, Boolean inheritMailSubfolders, DirectoryEntry directory,
                          List<String> certificates) {

    /** Only a new password ("" when the request had none, which the password rules refuse). */
    public static UserChanges password(String password) {
        return new UserChanges(null, null, null, null, null, null, null, password, null, null, null, null);
    }
}
