package org.syncbridge.tenant;

import java.util.Set;

/** A context to create; {@code loginDomains} defaults to the name, {@code enabled} and {@code syncMailSubfolders} to true. */
public record NewContext(String name, Set<String> loginDomains, Boolean enabled, Boolean syncMailSubfolders) {
}
