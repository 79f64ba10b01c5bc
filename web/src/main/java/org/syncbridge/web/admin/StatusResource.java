package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.mail.push.MailPush;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.push.MailPushStats;
import org.syncbridge.setup.Startup;
import org.syncbridge.web.auth.AdminLogin;

/**
 * /api/admin/status: what is running, the schema version the migrations reached, and, for master admins, this
 * node's mail push (IMAP watcher connections and what they did; counts across all contexts). The server
 * configuration enables neither WildFly's Micrometer nor its MicroProfile Metrics subsystem, so these counts are
 * published here.
 */
@Path("api/admin/status")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    public record Status(String product, String version, String schemaVersion, MailPushStats mailPush,
                         ImapConnections.ConnectionStats imapConnections) {
    }

    @EJB
    Startup startup;

    @Inject
    MailPush mailPush;

    @Inject
    ImapConnections imapConnections;

    @Context
    SecurityContext security;

    @GET
    public Status get() {
        String version = StatusResource.class.getPackage().getImplementationVersion();
        return new Status("Syncbridge", version == null ? "development" : version, startup.schemaVersion(),
                ((AdminIdentity) security.getUserPrincipal()).isMaster() ? mailPush.stats() : null,
                ((AdminIdentity) security.getUserPrincipal()).isMaster() ? imapConnections.stats() : null);
    }
}
