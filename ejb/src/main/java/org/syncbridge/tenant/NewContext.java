package org.syncbridge.tenant;

import java.util.Set;

/** A context to create; {@code loginDomains} defaults to the name, {@code enabled} to true. */
public record NewContext(String name, Set<String> loginDomains, Boolean enabled) {
}
