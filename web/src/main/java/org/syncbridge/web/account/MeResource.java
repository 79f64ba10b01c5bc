package org.syncbridge.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.syncbridge.auth.AuthenticatedUser;
import org.syncbridge.web.auth.UserLogin;

/** /api/me: who a client's credentials log in as; lets users and admins check a login form. */
@Path("api/me")
@RequestScoped
@UserLogin
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String login, String context, String displayName, String primaryEmail,
                     boolean activesync, boolean outlook) {
    }

    @Context
    SecurityContext security;

    @GET
    public Me get() {
        AuthenticatedUser user = (AuthenticatedUser) security.getUserPrincipal();
        return new Me(user.loginName(), user.contextName(), user.displayName(), user.primaryEmail(),
                user.activeSync(), user.outlook());
    }
}
