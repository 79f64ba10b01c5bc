package org.syncbridge.tenant;

/** An administrator as the admin API shows it; {@code context} is null for a master admin. */
public record AdminInfo(String login, String context, boolean enabled) {
}
