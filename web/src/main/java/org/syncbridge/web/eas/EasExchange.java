package org.syncbridge.web.eas;

import java.util.Optional;
import org.syncbridge.auth.AuthenticatedUser;
import org.syncbridge.device.DeviceEntry;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * One EAS request after the envelope: who sent it from which device, in which protocol version,
 * with which query, and its decoded body (empty when the request had none).
 *
 * @param rawBody the body as it came, for a command whose body is not WBXML (SendMail's MIME up to 12.1); else null
 */
public record EasExchange(AuthenticatedUser user, MailLogin mail, DeviceEntry device, ProtocolVersion version,
                          EasQuery query, Optional<Element> body, byte[] rawBody) {

    public EasExchange(AuthenticatedUser user, MailLogin mail, DeviceEntry device, ProtocolVersion version,
                       EasQuery query, Optional<Element> body) {
        this(user, mail, device, version, query, body, null);
    }

    public boolean atLeast(ProtocolVersion v) {
        return version.atLeast(v);
    }

    /** The request body, which must be the command's own top-level element. */
    public Element request(Tag root) throws MalformedWbxml {
        return body.filter(b -> b.is(root)).orElseThrow(() -> new MalformedWbxml("the request needs a " + root.name() + " body"));
    }
}
