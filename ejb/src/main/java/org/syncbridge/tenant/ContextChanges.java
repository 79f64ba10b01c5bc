package org.syncbridge.tenant;

import java.util.List;
import java.util.Set;

/** Changes to a context; a null field stays as it is. */
public record ContextChanges(Set<String> loginDomains, Boolean enabled, Boolean syncMailSubfolders,
                             List<String> sharedFolderDeviceTypes) {
}
