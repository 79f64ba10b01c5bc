package org.syncbridge.web.eas;

import jakarta.ws.rs.core.Response;
import java.util.function.Consumer;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;

/** A command that answers within its request. */
public interface ImmediateCommand extends EasCommand {

    /**
     * Runs the command. A request the command cannot read throws {@link MalformedWbxml} (HTTP 400),
     * or answers with the command's own protocol-error status.
     */
    Response execute(EasExchange exchange) throws MalformedWbxml;

    @Override
    default void answer(EasExchange exchange, Consumer<Response> reply) throws MalformedWbxml {
        reply.accept(execute(exchange));
    }
}
