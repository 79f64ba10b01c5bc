package org.syncbridge.tenant;

/** An administrator to create; without a context it is a master admin. */
public record NewAdmin(String login, String password, String context) {
}
