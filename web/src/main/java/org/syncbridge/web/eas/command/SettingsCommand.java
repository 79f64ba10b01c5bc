package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.DeviceInformationSet.DEVICE_INFORMATION;
import static org.syncbridge.web.eas.command.DeviceInformationSet.NS;
import static org.syncbridge.web.eas.command.DeviceInformationSet.STATUS;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.syncbridge.device.DeviceRegistry;
import org.syncbridge.persistence.user.OofAudience;
import org.syncbridge.persistence.user.OofState;
import org.syncbridge.tenant.RequestRejected;
import org.syncbridge.tenant.UserAdministration;
import org.syncbridge.user.OofReply;
import org.syncbridge.user.OofSettings;
import org.syncbridge.user.OutOfOfficeSettings;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * Settings: out-of-office get and set, device information, the device password recovery code, and
 * the user's addresses. Each part of the request gets its own Status in the answer.
 */
@ApplicationScoped
public class SettingsCommand implements ImmediateCommand {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Tag ROOT = Tag.of(NS, "Settings");
    private static final Tag OOF = Tag.of(NS, "Oof");
    private static final Tag GET = Tag.of(NS, "Get");
    private static final Tag SET = Tag.of(NS, "Set");
    private static final Tag BODY_TYPE = Tag.of(NS, "BodyType");
    private static final Tag OOF_STATE = Tag.of(NS, "OofState");
    private static final Tag START_TIME = Tag.of(NS, "StartTime");
    private static final Tag END_TIME = Tag.of(NS, "EndTime");
    private static final Tag OOF_MESSAGE = Tag.of(NS, "OofMessage");
    private static final Tag INTERNAL = Tag.of(NS, "AppliesToInternal");
    private static final Tag EXTERNAL_KNOWN = Tag.of(NS, "AppliesToExternalKnown");
    private static final Tag EXTERNAL_UNKNOWN = Tag.of(NS, "AppliesToExternalUnknown");
    private static final Tag ENABLED = Tag.of(NS, "Enabled");
    private static final Tag REPLY_MESSAGE = Tag.of(NS, "ReplyMessage");
    private static final Tag DEVICE_PASSWORD = Tag.of(NS, "DevicePassword");
    private static final Tag PASSWORD = Tag.of(NS, "Password");
    private static final Tag USER_INFORMATION = Tag.of(NS, "UserInformation");
    private static final Tag EMAIL_ADDRESSES = Tag.of(NS, "EmailAddresses");
    private static final Tag SMTP_ADDRESS = Tag.of(NS, "SMTPAddress");
    private static final Tag PRIMARY_SMTP_ADDRESS = Tag.of(NS, "PrimarySmtpAddress");
    private static final Tag ACCOUNTS = Tag.of(NS, "Accounts");
    private static final Tag ACCOUNT = Tag.of(NS, "Account");
    private static final Tag USER_DISPLAY_NAME = Tag.of(NS, "UserDisplayName");

    @EJB
    OutOfOfficeSettings outOfOffice;

    @EJB
    DeviceRegistry devices;

    @EJB
    UserAdministration users;


    @Override
    public Tag root() {
        return ROOT;
    }

    /** One answered part of the request. */
    private interface Part {
        void write(WbxmlWriter out) throws IOException;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Element request = x.request(ROOT);
        List<Part> parts = new ArrayList<>();
        for (Element part : request.children()) {
            if (part.is(OOF)) {
                parts.add(oof(x, part));
            } else if (part.is(DEVICE_INFORMATION)) {
                devices.recordInformation(x.user().userId(), x.device().deviceId(), DeviceInformationSet.read(part));
                parts.add(out -> out.start(DEVICE_INFORMATION).text(STATUS, "1").end());
            } else if (part.is(DEVICE_PASSWORD)) {
                Optional<String> password = part.child(SET).flatMap(s -> s.childText(PASSWORD));
                boolean stored = password.isPresent()
                        && devices.recordRecoveryPassword(x.user().userId(), x.device().deviceId(), password.get());
                parts.add(out -> out.start(DEVICE_PASSWORD).text(STATUS, stored ? "1" : "2").end());
            } else if (part.is(USER_INFORMATION)) {
                parts.add(out -> userInformation(out, x));
            } else {
                parts.add(out -> out.start(part.tag()).text(STATUS, "2").end()); // a part this server does not offer
            }
        }
        return Wbxml.ok(out -> {
            out.start(ROOT).text(STATUS, "1");
            for (Part part : parts) {
                part.write(out);
            }
            out.end();
        });
    }

    private Part oof(EasExchange x, Element oof) {
        if (oof.child(GET).isPresent()) {
            boolean html = oof.child(GET).flatMap(g -> g.childText(BODY_TYPE)).map("HTML"::equalsIgnoreCase).orElse(false);
            OofSettings settings = outOfOffice.get(x.user().userId());
            return out -> writeOof(out, settings, html);
        }
        Optional<Element> set = oof.child(SET);
        if (set.isEmpty()) {
            return out -> out.start(OOF).text(STATUS, "2").end();
        }
        try {
            outOfOffice.set(x.user().userId(), readOof(set.get()));
            return out -> out.start(OOF).text(STATUS, "1").end();
        } catch (RequestRejected | IllegalArgumentException | DateTimeParseException e) {
            return out -> out.start(OOF).text(STATUS, "5").end(); // invalid arguments
        }
    }

    private static OofSettings readOof(Element set) {
        OofState state = switch (set.childText(OOF_STATE).orElse("0").trim()) {
            case "0" -> OofState.DISABLED;
            case "1" -> OofState.GLOBAL;
            case "2" -> OofState.TIME_BASED;
            default -> throw new IllegalArgumentException("OofState");
        };
        Instant start = set.childText(START_TIME).map(Instant::parse).orElse(null);
        Instant end = set.childText(END_TIME).map(Instant::parse).orElse(null);
        List<OofReply> replies = new ArrayList<>();
        for (Element message : set.children(OOF_MESSAGE)) {
            OofAudience audience = message.child(INTERNAL).isPresent() ? OofAudience.INTERNAL
                    : message.child(EXTERNAL_KNOWN).isPresent() ? OofAudience.EXTERNAL_KNOWN
                    : message.child(EXTERNAL_UNKNOWN).isPresent() ? OofAudience.EXTERNAL_UNKNOWN : null;
            if (audience == null) {
                throw new IllegalArgumentException("OofMessage without audience");
            }
            replies.add(new OofReply(audience, message.childText(ENABLED).map("1"::equals).orElse(false),
                    message.childText(REPLY_MESSAGE).orElse(""),
                    message.childText(BODY_TYPE).map("HTML"::equalsIgnoreCase).orElse(false)));
        }
        return new OofSettings(state, start, end, replies);
    }

    private static void writeOof(WbxmlWriter out, OofSettings s, boolean html) throws IOException {
        out.start(OOF).text(STATUS, "1").start(GET).text(OOF_STATE, String.valueOf(s.state().ordinal()));
        if (s.state() == OofState.TIME_BASED) {
            out.text(START_TIME, DATE_TIME.format(s.start())).text(END_TIME, DATE_TIME.format(s.end()));
        }
        for (OofReply reply : s.replies()) {
            Tag audience = switch (reply.audience()) {
                case INTERNAL -> INTERNAL;
                case EXTERNAL_KNOWN -> EXTERNAL_KNOWN;
                case EXTERNAL_UNKNOWN -> EXTERNAL_UNKNOWN;
            };
            out.start(OOF_MESSAGE).empty(audience).text(ENABLED, reply.enabled() ? "1" : "0");
            if (reply.reply() != null && !reply.reply().isEmpty()) {
                out.text(REPLY_MESSAGE, reply.reply());
            }
            out.text(BODY_TYPE, reply.html() && html ? "HTML" : "Text").end();
        }
        out.end().end();
    }

    private void userInformation(WbxmlWriter out, EasExchange x) throws IOException {
        var user = users.addresses(x.user().userId());
        out.start(USER_INFORMATION).text(STATUS, "1").start(GET);
        if (x.atLeast(ProtocolVersion.V14_1)) {
            out.start(ACCOUNTS).start(ACCOUNT);
            if (user.displayName() != null) {
                out.text(USER_DISPLAY_NAME, user.displayName());
            }
            out.start(EMAIL_ADDRESSES);
            if (user.primaryEmail() != null) {
                out.text(PRIMARY_SMTP_ADDRESS, user.primaryEmail());
            }
            for (String alias : user.aliases()) {
                out.text(SMTP_ADDRESS, alias);
            }
            out.end().end().end();
        } else {
            out.start(EMAIL_ADDRESSES);
            if (user.primaryEmail() != null) {
                out.text(SMTP_ADDRESS, user.primaryEmail());
            }
            for (String alias : user.aliases()) {
                out.text(SMTP_ADDRESS, alias);
            }
            out.end();
        }
        out.end().end();
    }
}
