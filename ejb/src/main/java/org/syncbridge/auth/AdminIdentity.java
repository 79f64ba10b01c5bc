package org.syncbridge.auth;

import java.security.Principal;

/**
 * An administrator whose login succeeded.
 *
 * @param contextId   the one context this admin manages, or null for a master admin
 * @param contextName its name, or null for a master admin
 */
public record AdminIdentity(long adminId, String loginName, Long contextId, String contextName) implements Principal {

    public boolean isMaster() {
        return contextId == null;
    }

    public boolean manages(long context) {
        return isMaster() || contextId == context;
    }

    @Override
    public String getName() {
        return loginName;
    }
}
