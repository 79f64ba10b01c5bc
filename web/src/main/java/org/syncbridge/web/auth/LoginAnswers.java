package org.syncbridge.web.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.syncbridge.auth.LoginOutcome;
import org.syncbridge.web.ApiError;

/** Turns a login outcome into the request's identity or its HTTP answer (401, 401 with Retry-After, 403). */
final class LoginAnswers {
    private LoginAnswers() {
    }

    static void apply(ContainerRequestContext request, String realm, LoginOutcome<? extends Principal> outcome) {
        if (outcome instanceof LoginOutcome.Granted<? extends Principal> granted) {
            request.setSecurityContext(new Identity(granted.identity(), request.getSecurityContext().isSecure()));
        } else if (outcome instanceof LoginOutcome.Throttled<?> throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            request.abortWith(challenge(realm, "too many failed logins; retry later")
                    .header(HttpHeaders.RETRY_AFTER, seconds).build());
        } else if (outcome instanceof LoginOutcome.Forbidden<?> forbidden) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("forbidden", forbidden.reason())).build());
        } else {
            request.abortWith(challenge(realm, "login required").build());
        }
    }

    static Response.ResponseBuilder challenge(String realm, String message) {
        return Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\", charset=\"UTF-8\"")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("unauthorized", message));
    }

    private record Identity(Principal principal, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
