package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.persistence.tenant.UserPhoto;
import org.syncbridge.tenant.NewUser;
import org.syncbridge.tenant.UserAdministration;
import org.syncbridge.tenant.UserChanges;
import org.syncbridge.tenant.UserInfo;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/contexts/{context}/users: the users of one context, with their photos. */
@Path("api/admin/contexts/{context}/users")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
    private static final String JPEG = "image/jpeg";

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
        users.update(caller(), context, login,
                change == null ? null : UserChanges.password(change.password() == null ? "" : change.password()));
        return Response.noContent().build();
    }

    @GET
    @Path("{login}/photo")
    @Produces(JPEG)
    public Response photo(@PathParam("login") String login) {
        return Response.ok(users.photo(caller(), context, login), JPEG).build();
    }

    /** The body is read up to one byte past the limit, so an oversized upload is refused without holding it. */
    @PUT
    @Path("{login}/photo")
    @Consumes(JPEG)
    public UserInfo setPhoto(@PathParam("login") String login, InputStream body) throws IOException {
        byte[] jpeg = body.readNBytes(UserPhoto.MAX_BYTES + 1);
        return users.setPhoto(caller(), context, login, jpeg);
    }

    @DELETE
    @Path("{login}/photo")
    public UserInfo removePhoto(@PathParam("login") String login) {
        return users.removePhoto(caller(), context, login);
    }

    private AdminIdentity caller() {
        return (AdminIdentity) security.getUserPrincipal();
    }
}
