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
import org.syncbridge.tenant.ContextAdministration;
import org.syncbridge.tenant.ContextChanges;
import org.syncbridge.tenant.ContextInfo;
import org.syncbridge.tenant.NewContext;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/contexts: the tenants. */
@Path("api/admin/contexts")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContextsResource {

    @EJB
    ContextAdministration contexts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    public List<ContextInfo> list() {
        return contexts.list(caller());
    }

    @POST
    public Response create(NewContext request) {
        ContextInfo created = contexts.create(caller(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @GET
    @Path("{context}")
    public ContextInfo get(@PathParam("context") String name) {
        return contexts.get(caller(), name);
    }

    @PATCH
    @Path("{context}")
    public ContextInfo update(@PathParam("context") String name, ContextChanges changes) {
        return contexts.update(caller(), name, changes);
    }

    private AdminIdentity caller() {
        return (AdminIdentity) security.getUserPrincipal();
    }
}
