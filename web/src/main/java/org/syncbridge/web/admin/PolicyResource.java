package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.Map;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.device.DevicePolicies;
import org.syncbridge.device.PolicyInfo;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/contexts/{context}/policy: the device policy phones of the context must apply. */
@Path("api/admin/contexts/{context}/policy")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @EJB
    DevicePolicies policies;

    @Context
    SecurityContext security;

    @PathParam("context")
    String context;

    @GET
    public PolicyInfo get() {
        return policies.get(caller(), context);
    }

    /** Body: {"SettingName": value, ...} with strings, numbers or booleans; null resets a setting to its default. */
    @PATCH
    public PolicyInfo update(JsonObject changes) {
        Map<String, String> values = new LinkedHashMap<>();
        if (changes != null) {
            changes.forEach((name, value) -> values.put(name, switch (value.getValueType()) {
                case NULL -> null;
                case TRUE -> "1";
                case FALSE -> "0";
                case STRING -> ((JsonString) value).getString();
                default -> value.toString();
            }));
        }
        return policies.update(caller(), context, values);
    }

    private AdminIdentity caller() {
        return (AdminIdentity) security.getUserPrincipal();
    }
}
