package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.syncbridge.mail.send.MailSending;
import org.syncbridge.mail.send.SendRequest;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * SmartForward (MS-ASCMD 2.2.1.19): a forward; unless ReplaceMime, the server adds the original's text and
 * carries its attachments as they are, and flags the original $Forwarded.
 */
@ApplicationScoped
public class SmartForwardCommand implements ImmediateCommand {

    @EJB
    MailSending sending;

    @Override
    public Tag root() {
        return ComposeMail.SMART_FORWARD;
    }

    @Override
    public boolean takesRawBody(ProtocolVersion version) {
        return ComposeMail.rawBody(version);
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        return ComposeMail.answer(this, x, sending.send(ComposeMail.request(x, root(), SendRequest.Kind.FORWARD)));
    }
}
