package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.tenant.NewUser;
import org.syncbridge.tenant.UserAdministration;
import org.syncbridge.tenant.UserChanges;
import org.syncbridge.tenant.UserInfo;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/contexts/{context}/users: the users of one context. */
@Path("api/admin/contexts/{context}/users")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** The body of PUT .../password. */
    public record PasswordChange(String password) {
    }

    @EJB
    UserAdministration users;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @PathParam("context")
    String context;

    @GET
    public List<UserInfo> list() {
        return users.list(caller(), context);
    }

    @POST
    public Response create(NewUser request) {
        UserInfo created = users.create(caller(), context, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.login()).build()).entity(created).build();
    }

    @GET
    @Path("{login}")
    public UserInfo get(@PathParam("login") String login) {
        return users.get(caller(), context, login);
    }

    @PATCH
    @Path("{login}")
    public UserInfo update(@PathParam("login") String login, UserChanges changes) {
        return users.update(caller(), context, login, changes);
    }

    @PUT
    @Path("{login}/password")
    public Response setPassword(@PathParam("login") String login, PasswordChange change) {
        users.update(caller(), context, login, new UserChanges(null, null, null, null, null, null, null,
                change == null ? null : change.password() == null ? "" : change.password(), null, null));
        return Response.noContent().build();
    }

    private AdminIdentity caller() {
        return (AdminIdentity) security.getUserPrincipal();
    }
}
