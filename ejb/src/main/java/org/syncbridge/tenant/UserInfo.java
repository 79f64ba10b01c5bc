package org.syncbridge.tenant;

import java.util.Set;

/** A user as the admin API shows it; never the password or its hash. */
public record UserInfo(String login, String context, String displayName, String primaryEmail, Set<String> aliases,
                       boolean enabled, boolean activesync, boolean outlook, String imapLogin, Boolean syncMailSubfolders) {
}
