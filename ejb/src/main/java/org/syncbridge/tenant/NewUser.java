package org.syncbridge.tenant;

import java.util.List;
import java.util.Set;

/**
 * A user to create; enabled and both permissions default to true, imapLogin to the login name.
 * {@code certificates} are S/MIME certificates, each one DER X.509 certificate in base64.
 */
public record NewUser(String login, String password, String displayName, String primaryEmail, Set<String> aliases,
                      Boolean enabled, Boolean activesync, Boolean outlook, String imapLogin, Boolean syncMailSubfolders,
                      DirectoryEntry directory, List<String> certificates) {
}
