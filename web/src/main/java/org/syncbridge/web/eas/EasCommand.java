package org.syncbridge.web.eas;

import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * One EAS command: reads its request, asks the EJBs, and streams its answer; most answer at once
 * ({@link ImmediateCommand}), Ping and a waiting Sync park until something changes.
 */
public interface EasCommand {

    /** The top-level element of the command's request and response; a refusal answers with its Status. */
    Tag root();

    /** The command's name in the query (Cmd=...): in EAS always the name of its top-level element. */
    default String name() {
        return root().name();
    }

    /** Whether the command may run only on a provisioned device; only Provision runs before that. */
    default boolean needsProvisionedDevice() {
        return true;
    }

    /**
     * Whether the request body is the command's own bytes, not WBXML: up to 12.1 SendMail, SmartReply and
     * SmartForward post the raw MIME message (Content-Type message/rfc822).
     */
    default boolean takesRawBody(ProtocolVersion version) {
        return false;
    }

    /**
     * Runs the command and hands its answer to {@code reply}, now or, for a request that waits, later on
     * another thread. A request the command cannot read throws {@link MalformedWbxml} (HTTP 400), or is
     * answered with the command's own protocol-error status.
     */
    void answer(EasExchange exchange, Consumer<Response> reply) throws MalformedWbxml;
}
