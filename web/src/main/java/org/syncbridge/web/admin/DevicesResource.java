package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.device.DeviceAdministration;
import org.syncbridge.device.DeviceChanges;
import org.syncbridge.device.DeviceInfo;
import org.syncbridge.device.WipeRequest;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/contexts/{context}/users/{login}/devices: a user's phones, their block and wipe. */
@Path("api/admin/contexts/{context}/users/{login}/devices")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevicesResource {

    @EJB
    DeviceAdministration devices;

    @Context
    SecurityContext security;

    @PathParam("context")
    String context;

    @PathParam("login")
    String login;

    @GET
    public List<DeviceInfo> list() {
        return devices.list(caller(), context, login);
    }

    @GET
    @Path("{deviceId}")
    public DeviceInfo get(@PathParam("deviceId") String deviceId) {
        return devices.get(caller(), context, login, deviceId);
    }

    @PATCH
    @Path("{deviceId}")
    public DeviceInfo update(@PathParam("deviceId") String deviceId, DeviceChanges changes) {
        return devices.update(caller(), context, login, deviceId, changes);
    }

    @DELETE
    @Path("{deviceId}")
    public Response forget(@PathParam("deviceId") String deviceId) {
        devices.forget(caller(), context, login, deviceId);
        return Response.noContent().build();
    }

    @POST
    @Path("{deviceId}/wipe")
    public DeviceInfo wipe(@PathParam("deviceId") String deviceId, WipeRequest request) {
        return devices.requestWipe(caller(), context, login, deviceId, request);
    }

    @DELETE
    @Path("{deviceId}/wipe")
    public DeviceInfo cancelWipe(@PathParam("deviceId") String deviceId) {
        return devices.cancelWipe(caller(), context, login, deviceId);
    }

    private AdminIdentity caller() {
        return (AdminIdentity) security.getUserPrincipal();
    }
}
