package org.syncbridge.tenant;

import java.util.List;
import java.util.Set;

/** A user as the admin API shows it; never the password or its hash. {@code photoSize} is null without a photo. */
public record UserInfo(String login, String context, String displayName, String primaryEmail, Set<String> aliases,
                       boolean enabled, boolean activesync, boolean outlook, String imapLogin, Boolean syncMailSubfolders,
                       DirectoryEntry directory, Integer photoSize, List<CertificateInfo> certificates) {
}
