package org.syncbridge.tenant;

import java.util.List;
import java.util.Set;

/** A context as the admin API shows it. */
public record ContextInfo(String name, Set<String> loginDomains, boolean enabled, boolean syncMailSubfolders,
                          List<String> sharedFolderDeviceTypes) {
}
