package org.syncbridge.tenant;

import java.util.List;
import java.util.Set;

/** A context to create; {@code loginDomains} defaults to the name, {@code enabled} and {@code syncMailSubfolders} to true,
 * {@code sharedFolderDeviceTypes} to iPhone and iPad. */
public record NewContext(String name, Set<String> loginDomains, Boolean enabled, Boolean syncMailSubfolders,
                         List<String> sharedFolderDeviceTypes) {
}
