package org.syncbridge.tenant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.device.PolicyKeys;
import org.syncbridge.persistence.device.Policy;
import org.syncbridge.persistence.tenant.Context;

/** Creating, listing, changing and disabling contexts (tenants). */
@Stateless
public class ContextAdministration {

    @PersistenceContext
    EntityManager em;

    public List<ContextInfo> list(AdminIdentity caller) {
        if (!caller.isMaster()) {
            return List.of(info(AdminScope.context(em, caller, caller.contextName())));
        }
        return em.createNamedQuery(Context.ALL, Context.class).getResultStream().map(ContextAdministration::info).toList();
    }

    public ContextInfo get(AdminIdentity caller, String name) {
        return info(AdminScope.context(em, caller, name));
    }

    public ContextInfo create(AdminIdentity caller, NewContext request) {
        AdminScope.requireMaster(caller);
        String name = InputRules.contextName(InputRules.body(request).name());
        if (!em.createNamedQuery(Context.BY_NAME, Context.class).setParameter("name", name).getResultList().isEmpty()) {
            throw RequestRejected.conflict("context '" + name + "' exists");
        }
        Context context = new Context(name);
        Set<String> domains = request.loginDomains() != null ? InputRules.domains(request.loginDomains())
                : InputRules.domains(Set.of(name));
        context.getLoginDomains().addAll(domainsFreeFor(null, domains));
        context.setEnabled(request.enabled() == null || request.enabled());
        context.setSyncMailSubfolders(request.syncMailSubfolders() == null || request.syncMailSubfolders());
        if (request.sharedFolderDeviceTypes() != null) {
            context.setSharedFolderDeviceTypes(InputRules.deviceTypes(request.sharedFolderDeviceTypes()));
        }
        em.persist(context);
        em.persist(new Policy(context, PolicyKeys.next(), Instant.now()));
        return info(context);
    }

    public ContextInfo update(AdminIdentity caller, String name, ContextChanges changes) {
        AdminScope.requireMaster(caller);
        InputRules.body(changes);
        Context context = AdminScope.context(em, caller, name);
        if (changes.loginDomains() != null) {
            Set<String> domains = domainsFreeFor(context, InputRules.domains(changes.loginDomains()));
            context.getLoginDomains().clear();
            context.getLoginDomains().addAll(domains);
        }
        if (changes.enabled() != null) {
            context.setEnabled(changes.enabled());
        }
        if (changes.syncMailSubfolders() != null) {
            context.setSyncMailSubfolders(changes.syncMailSubfolders());
        }
        if (changes.sharedFolderDeviceTypes() != null) {
            context.setSharedFolderDeviceTypes(InputRules.deviceTypes(changes.sharedFolderDeviceTypes()));
        }
        return info(context);
    }

    /** A login domain routes to one context only. */
    private Set<String> domainsFreeFor(Context owner, Set<String> domains) {
        for (String domain : domains) {
            for (Context other : em.createNamedQuery(Context.BY_DOMAIN, Context.class).setParameter("domain", domain).getResultList()) {
                if (other != owner) {
                    throw RequestRejected.conflict("login domain '" + domain + "' belongs to context '" + other.getName() + "'");
                }
            }
        }
        return domains;
    }

    static ContextInfo info(Context c) {
        return new ContextInfo(c.getName(), new TreeSet<>(c.getLoginDomains()), c.isEnabled(), c.isSyncMailSubfolders(),
                Arrays.stream(c.getSharedFolderDeviceTypes().split(",")).filter(t -> !t.isBlank()).toList());
    }
}
