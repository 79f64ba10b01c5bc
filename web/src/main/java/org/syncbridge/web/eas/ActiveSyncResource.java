package org.syncbridge.web.eas;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.syncbridge.auth.AuthenticatedUser;
import org.syncbridge.auth.Permission;
import org.syncbridge.device.DeviceCall;
import org.syncbridge.device.DeviceEntry;
import org.syncbridge.device.DeviceGate;
import org.syncbridge.device.DeviceRegistry;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.web.auth.BasicCredentials;
import org.syncbridge.web.auth.UserLogin;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;

/**
 * /Microsoft-Server-ActiveSync (MS-ASHTTP): OPTIONS, and POST with the command in the query. It
 * translates the envelope, lets the device registry judge the device, and hands the decoded body to
 * the command.
 */
@Path("Microsoft-Server-ActiveSync")
@RequestScoped
@UserLogin(Permission.ACTIVESYNC)
public class ActiveSyncResource {
    private static final Logger LOG = Logger.getLogger(ActiveSyncResource.class.getName());
    /** What this server answers in MS-Server-ActiveSync: the Exchange version whose behaviour it follows. */
    static final String SERVER_VERSION = "15.1";

    @Inject
    EasCommands commands;

    @EJB
    DeviceRegistry devices;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @OPTIONS
    public Response options() {
        return Response.ok()
                .header("MS-Server-ActiveSync", SERVER_VERSION)
                .header("MS-ASProtocolVersions", ProtocolVersion.ALL)
                .header("MS-ASProtocolCommands", commands.header())
                .header("Allow", "OPTIONS,POST")
                .header("Public", "OPTIONS,POST")
                .build();
    }

    /** Answers through {@code async}: most commands at once, a Ping or waiting Sync when woken, holding no thread meanwhile. */
    @POST
    public void post(InputStream body, @Suspended AsyncResponse async) {
        // No AsyncResponse timeout: RESTEasy would schedule one per request, and cancelling it on the answer leaves it
        // in the managed scheduler's queue, holding the whole request for the timeout's length. A parked request is
        // ended by the push hub's own heartbeat timer; every other command answers before this method returns.
        try {
            handle(body, response -> async.resume(withServerHeader(response)));
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    private void handle(InputStream body, Consumer<Response> reply) {
        EasQuery query;
        try {
            query = EasQuery.parse(uri.getRequestUri().getRawQuery());
            if ("T".equalsIgnoreCase(headers.getHeaderString("MS-ASAcceptMultiPart"))) {
                query = query.with("AcceptMultiPart", "T"); // the header form of the base64 query's option
            }
        } catch (EasQuery.Invalid e) {
            reply.accept(badRequest(e.getMessage()));
            return;
        }
        Optional<ProtocolVersion> version = query.version().or(() -> ProtocolVersion.parse(headers.getHeaderString("MS-ASProtocolVersion")));
        if (version.isEmpty()) {
            reply.accept(badRequest("unsupported or missing MS-ASProtocolVersion"));
            return;
        }
        Optional<EasCommand> command = commands.named(query.command());
        if (command.isEmpty()) {
            reply.accept(Response.status(Response.Status.NOT_IMPLEMENTED).build());
            return;
        }
        AuthenticatedUser user = (AuthenticatedUser) security.getUserPrincipal();
        DeviceEntry device = devices.enter(user, new DeviceCall(query.deviceId(), query.deviceType(),
                headers.getHeaderString(HttpHeaders.USER_AGENT), version.get().toString(), policyKey(query)));
        Response refusal = gate(command.get(), device.gate(), version.get());
        if (refusal != null) {
            reply.accept(refusal);
            return;
        }
        try {
            EasExchange exchange = command.get().takesRawBody(version.get())
                    ? new EasExchange(user, mailLogin(user), device, version.get(), query, Optional.empty(), raw(body))
                    : new EasExchange(user, mailLogin(user), device, version.get(), query, decode(body));
            command.get().answer(exchange, reply);
        } catch (RawBodyTooLarge e) {
            reply.accept(Response.status(413).type("text/plain").entity("the request body is larger than " + RAW_LIMIT + " bytes\n").build());
        } catch (MalformedWbxml e) {
            reply.accept(badRequest("malformed WBXML: " + e.getMessage()));
        } catch (IOException e) {
            reply.accept(badRequest("the request body could not be read: " + e.getMessage()));
        } catch (MailUnavailable e) {
            LOG.warning(() -> "Mail server unavailable for " + user.loginName() + ": " + e.getMessage());
            reply.accept(Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "30").build());
        }
    }

    /** Up to 12.1 a refused device gets HTTP 449 (provision first) or 403; from 14.0 the command's Status. */
    private static Response gate(EasCommand command, DeviceGate gate, ProtocolVersion version) {
        if (gate == DeviceGate.ALLOWED || (!command.needsProvisionedDevice() && gate != DeviceGate.BLOCKED)) {
            return null;
        }
        if (!version.atLeast(ProtocolVersion.V14_0)) {
            return Response.status(gate == DeviceGate.BLOCKED ? 403 : 449).build();
        }
        int status = switch (gate) {
            case BLOCKED -> 129;
            case WIPE_REQUESTED -> 140;
            case NOT_PROVISIONED -> 142;
            case POLICY_KEY_INVALID -> 144;
            case ALLOWED -> throw new IllegalStateException();
        };
        return Wbxml.status(command, status);
    }

    private Long policyKey(EasQuery query) {
        if (query.policyKey() != null) {
            return query.policyKey();
        }
        String header = headers.getHeaderString("X-MS-PolicyKey");
        try {
            return header == null || header.isBlank() ? null : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0L; // an unreadable key is no key: the device must provision
        }
    }

    /** The IMAP login: the user's configured one, with the password this request came with. */
    private MailLogin mailLogin(AuthenticatedUser user) {
        String password = BasicCredentials.parse(headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(BasicCredentials::password).orElse("");
        return new MailLogin(user.imapLogin(), password);
    }

    /** The most bytes of a body that is not WBXML: the bound WBXML bodies have, decoded. */
    static final long RAW_LIMIT = WbxmlDecoder.Limits.DEFAULT.maxBytes();

    private static final class RawBodyTooLarge extends Exception {
        RawBodyTooLarge() {
            super(null, null, false, false);
        }
    }

    private static byte[] raw(InputStream body) throws IOException, RawBodyTooLarge {
        byte[] bytes = body.readNBytes((int) RAW_LIMIT + 1);
        if (bytes.length > RAW_LIMIT) {
            throw new RawBodyTooLarge();
        }
        return bytes;
    }

    private static Optional<Element> decode(InputStream body) throws IOException, MalformedWbxml {
        PushbackInputStream in = new PushbackInputStream(body, 1);
        int first = in.read();
        if (first < 0) {
            return Optional.empty();
        }
        in.unread(first);
        return Optional.of(new WbxmlDecoder().decode(in));
    }

    private static Response badRequest(String why) {
        LOG.fine(() -> "EAS request refused: " + why);
        return Response.status(Response.Status.BAD_REQUEST).type("text/plain").entity(why + "\n").build();
    }

    private static Response withServerHeader(Response response) {
        return Response.fromResponse(response).header("MS-Server-ActiveSync", SERVER_VERSION).build();
    }
}
