package org.syncbridge.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.pim.FolderInfo;
import org.syncbridge.pim.FolderSharing;
import org.syncbridge.web.auth.AdminLogin;

/** /api/admin/contexts/{context}/users/{login}/folders: a user's PIM folders and whom they are shared with. */
@Path("api/admin/contexts/{context}/users/{login}/folders")
@RequestScoped
@AdminLogin
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FoldersResource {

    /** PATCH body of a folder. */
    public record FolderChanges(Boolean publicFolder) {
    }

    /** PUT body of a share. */
    public record Share(Boolean writable) {
    }

    @EJB
    FolderSharing sharing;

    @Context
    SecurityContext security;

    @PathParam("context")
    String context;

    @PathParam("login")
    String login;

    @GET
    public List<FolderInfo> list() {
        return sharing.list(caller(), context, login);
    }

    @PATCH
    @Path("{folderId}")
    public FolderInfo update(@PathParam("folderId") long folderId, FolderChanges changes) {
        return sharing.setPublic(caller(), context, login, folderId, changes == null ? null : changes.publicFolder());
    }

    @PUT
    @Path("{folderId}/shares/{grantee}")
    public FolderInfo share(@PathParam("folderId") long folderId, @PathParam("grantee") String grantee, Share share) {
        return sharing.share(caller(), context, login, folderId, grantee, share != null && Boolean.TRUE.equals(share.writable()));
    }

    @DELETE
    @Path("{folderId}/shares/{grantee}")
    public FolderInfo unshare(@PathParam("folderId") long folderId, @PathParam("grantee") String grantee) {
        return sharing.unshare(caller(), context, login, folderId, grantee);
    }

    private AdminIdentity caller() {
        return (AdminIdentity) security.getUserPrincipal();
    }
}
