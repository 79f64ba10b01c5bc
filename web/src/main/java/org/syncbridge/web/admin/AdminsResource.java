package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import org.syncbridge.tenant.AdminAccounts;
import org.syncbridge.tenant.AdminChanges;
import org.syncbridge.tenant.AdminInfo;
import org.syncbridge.tenant.NewAdmin;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/admins: administrator accounts. */
@Path("api/admin/admins")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminsResource {

    @EJB
    AdminAccounts admins;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public List<AdminInfo> list() {
        return admins.list(caller());
    }

    @POST
    public Response create(NewAdmin request) {
        AdminInfo created = admins.create(caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.login()).build()).entity(created).build();
    }

    @GET
    @Path("{login}")
    public AdminInfo get(@PathParam("login") String login) {
        return admins.get(caller(), login);
    }

    @PATCH
    @Path("{login}")
    public AdminInfo update(@PathParam("login") String login, AdminChanges changes) {
        return admins.update(caller(), login, changes);
    }

    private AdminIdentity caller() {
        return (AdminIdentity) security.getUserPrincipal();
    }
}
