package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Optional;
import org.syncbridge.mail.sync.AttachmentDownload;
import org.syncbridge.mail.sync.MailFetch;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * GetAttachment (MS-ASCMD 2.2.1.7), up to 12.1: the attachment named by the AttachmentName query parameter (a
 * FileReference), its decoded bytes as the body with its content type. From 14.0 clients use ItemOperations, and
 * the command is refused as it is in Exchange. A reference to nothing of the user's is HTTP 404.
 */
@ApplicationScoped
public class GetAttachmentCommand implements ImmediateCommand {
    /** The command has no WBXML body; its errors are HTTP statuses, so its root tag only names it. */
    private static final Tag ROOT = Tag.of("ItemOperations:", "Fetch");

    @EJB
    MailFetch mail;

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public String name() {
        return "GetAttachment";
    }

    @Override
    public Response execute(EasExchange x) {
        if (x.version().atLeast(ProtocolVersion.V14_0)) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        String reference = x.query().parameters().get("AttachmentName");
        if (reference == null || reference.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        Optional<AttachmentDownload> found = mail.attachment(x.device().id(), x.user().userId(), x.mail(), reference, 0, -1);
        if (found.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        AttachmentDownload download = found.get();
        StreamingOutput body = out -> {
            try (download; InputStream in = download.open()) {
                in.transferTo(out);
            }
        };
        String type;
        try {
            type = jakarta.ws.rs.core.MediaType.valueOf(download.contentType()).toString();
        } catch (IllegalArgumentException e) {
            type = jakarta.ws.rs.core.MediaType.APPLICATION_OCTET_STREAM; // a content type the mail got wrong
        }
        return Response.ok(body, type).header("Content-Length", download.length()).build();
    }
}
