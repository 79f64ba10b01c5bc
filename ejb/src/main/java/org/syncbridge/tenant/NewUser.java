package org.syncbridge.tenant;

import java.util.Set;

/** A user to create; enabled and both permissions default to true, imapLogin to the login name. */
public record NewUser(String login, String password, String displayName, String primaryEmail, Set<String> aliases,
                      Boolean enabled, Boolean activesync, Boolean outlook, String imapLogin, Boolean syncMailSubfolders) {
}
