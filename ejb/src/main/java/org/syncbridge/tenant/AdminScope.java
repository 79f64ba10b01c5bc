package org.syncbridge.tenant;

import jakarta.persistence.EntityManager;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.persistence.tenant.Context;
import org.syncbridge.persistence.tenant.User;

/** What an administrator may reach: a master admin every context, a context admin only its own. */
public final class AdminScope {
    private AdminScope() {
    }

    public static void requireMaster(AdminIdentity caller) {
        if (!caller.isMaster()) {
            throw RequestRejected.forbidden("only a master admin may do this");
        }
    }

    /** The named context, if the caller manages it; another context is forbidden whether or not it exists. */
    public static Context context(EntityManager em, AdminIdentity caller, String name) {
        if (!caller.isMaster() && !caller.contextName().equals(name)) {
            throw RequestRejected.forbidden("admin '" + caller.loginName() + "' manages only context '"
                    + caller.contextName() + "'");
        }
        return em.createNamedQuery(Context.BY_NAME, Context.class).setParameter("name", name)
                .getResultStream().findFirst()
                .orElseThrow(() -> RequestRejected.notFound("no context '" + name + "'"));
    }

    /** A user of a context the caller manages. */
    public static User user(EntityManager em, AdminIdentity caller, String contextName, String login) {
        Context context = context(em, caller, contextName);
        return em.createNamedQuery(User.BY_CONTEXT_AND_LOGIN, User.class).setParameter("context", context)
                .setParameter("login", login).getResultStream().findFirst()
                .orElseThrow(() -> RequestRejected.notFound("no user '" + login + "' in context '" + contextName + "'"));
    }
}
