package org.syncbridge.tenant;

/** Changes to an administrator; a null field stays as it is. */
public record AdminChanges(String password, Boolean enabled) {
}
