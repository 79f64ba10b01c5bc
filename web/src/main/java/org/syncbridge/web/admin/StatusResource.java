package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.syncbridge.setup.Startup;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/status: what is running, and the schema version the migrations reached. */
@Path("api/admin/status")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    public record Status(String product, String version, String schemaVersion) {
    }

    @EJB
    Startup startup;

    @GET
    public Status get() {
        String version = StatusResource.class.getPackage().getImplementationVersion();
        return new Status("Syncbridge", version == null ? "development" : version, startup.schemaVersion());
    }
}
