package org.syncbridge.web.auth;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.syncbridge.auth.Authenticator;
import org.syncbridge.auth.Permission;

/** Logs in the user of a {@link UserLogin} resource from its Basic credentials. */
@Provider
@UserLogin
@Priority(Priorities.AUTHENTICATION)
public class UserAuthentication implements ContainerRequestFilter {
    static final String REALM = "Syncbridge";

    @EJB
    Authenticator authenticator;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (credentials.isEmpty()) {
            request.abortWith(LoginAnswers.challenge(REALM, "login required").build());
            return;
        }
        Permission required = requiredPermission();
        LoginAnswers.apply(request, REALM,
                authenticator.authenticateUser(credentials.get().login(), credentials.get().password(), required));
    }

    private Permission requiredPermission() {
        UserLogin onMethod = resource.getResourceMethod().getAnnotation(UserLogin.class);
        UserLogin binding = onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(UserLogin.class);
        return binding == null || binding.value().length == 0 ? null : binding.value()[0];
    }
}
