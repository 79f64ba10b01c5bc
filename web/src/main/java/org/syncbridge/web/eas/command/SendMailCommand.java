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
 * SendMail (MS-ASCMD 2.2.1.17): a new message, sent as the phone wrote it (see {@link ComposeMail}).
 */
@ApplicationScoped
public class SendMailCommand implements ImmediateCommand {

    @EJB
    MailSending sending;

    @Override
    public Tag root() {
        return ComposeMail.SEND_MAIL;
    }

    @Override
    public boolean takesRawBody(ProtocolVersion version) {
        return ComposeMail.rawBody(version);
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        return ComposeMail.answer(this, x, sending.send(ComposeMail.request(x, root(), SendRequest.Kind.NEW)));
    }
}
