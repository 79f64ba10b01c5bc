package org.syncbridge.web.auth;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.syncbridge.auth.Authenticator;

/** Logs in the administrator of an {@link AdminLogin} resource from its Basic credentials. */
@Provider
@AdminLogin
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {
    static final String REALM = "Syncbridge admin";

    @EJB
    Authenticator authenticator;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            request.abortWith(LoginAnswers.challenge(REALM, "login required").build());
            return;
        }
        LoginAnswers.apply(request, REALM,
                authenticator.authenticateAdmin(credentials.get().login(), credentials.get().password()));
    }
}
