package org.syncbridge.tenant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.auth.Passwords;
import org.syncbridge.persistence.tenant.Admin;
import org.syncbridge.persistence.tenant.Context;

/** Administrator accounts: master admins over all contexts, context admins over one. */
@Stateless
public class AdminAccounts {

    @PersistenceContext
    EntityManager em;

    public List<AdminInfo> list(AdminIdentity caller) {
        var query = caller.isMaster() ? em.createNamedQuery(Admin.ALL, Admin.class)
                : em.createNamedQuery(Admin.IN_CONTEXT, Admin.class).setParameter("context", AdminScope.context(em, caller, caller.contextName()));
        return query.getResultStream().map(AdminAccounts::info).toList();
    }

    public AdminInfo get(AdminIdentity caller, String login) {
        return info(find(caller, login));
    }

    public AdminInfo create(AdminIdentity caller, NewAdmin request) {
        AdminScope.requireMaster(caller);
        String login = InputRules.loginName(InputRules.body(request).login());
        Context context = request.context() == null || request.context().isEmpty() ? null
                : AdminScope.context(em, caller, request.context());
        if (!em.createNamedQuery(Admin.BY_LOGIN, Admin.class).setParameter("login", login).getResultList().isEmpty()) {
            throw RequestRejected.conflict("admin '" + login + "' exists");
        }
        Admin admin = new Admin(login, context, Passwords.hash(InputRules.password(request.password())));
        em.persist(admin);
        return info(admin);
    }

    /** A master admin changes any admin; every admin may change its own password. */
    public AdminInfo update(AdminIdentity caller, String login, AdminChanges changes) {
        InputRules.body(changes);
        Admin admin = find(caller, login);
        boolean self = admin.getId() == caller.adminId();
        if (!caller.isMaster() && !(self && changes.enabled() == null)) {
            throw RequestRejected.forbidden("only a master admin may change other admins");
        }
        if (self && Boolean.FALSE.equals(changes.enabled())) {
            throw RequestRejected.invalid("an admin cannot disable itself");
        }
        if (changes.password() != null) {
            admin.setPasswordHash(Passwords.hash(InputRules.password(changes.password())));
        }
        if (changes.enabled() != null) {
            admin.setEnabled(changes.enabled());
        }
        return info(admin);
    }

    /** Creates the first master admin when there is none; returns false when one exists. */
    public boolean createFirstMaster(String login, String password) {
        long masters = em.createNamedQuery(Admin.MASTER_COUNT, Long.class).getSingleResult();
        if (masters > 0) {
            return false;
        }
        em.persist(new Admin(InputRules.loginName(login), null, Passwords.hash(InputRules.password(password))));
        return true;
    }

    private Admin find(AdminIdentity caller, String login) {
        Admin admin = em.createNamedQuery(Admin.BY_LOGIN, Admin.class).setParameter("login", login)
                .getResultStream().findFirst().orElse(null);
        boolean visible = admin != null && (caller.isMaster()
                || (admin.getContext() != null && caller.manages(admin.getContext().getId())));
        if (!visible) {
            throw RequestRejected.notFound("no admin '" + login + "'");
        }
        return admin;
    }

    static AdminInfo info(Admin a) {
        return new AdminInfo(a.getLoginName(), a.getContext() == null ? null : a.getContext().getName(), a.isEnabled());
    }
}
