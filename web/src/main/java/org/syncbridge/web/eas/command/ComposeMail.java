package org.syncbridge.web.eas.command;

import jakarta.ws.rs.core.Response;
import org.syncbridge.mail.send.SendRequest;
import org.syncbridge.mail.send.SendStatus;
import org.syncbridge.web.eas.EasCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * What SendMail, SmartReply and SmartForward share (MS-ASCMD 2.2.1.17, 2.2.1.19, 2.2.1.20): reading either wire
 * form into one {@link SendRequest}, and answering. Up to 12.1 the body is the raw MIME message and the rest comes
 * in the query (SaveInSent, CollectionId, ItemId, LongId, Occurrence; in the base64 form the Options bit for
 * SaveInSent); failures are HTTP statuses. From 14.0 it is the ComposeMail WBXML; success is an empty 200 and a
 * failure a Status (MS-ASCMD 2.2.2).
 */
final class ComposeMail {
    static final String NS = "ComposeMail:";
    static final Tag SEND_MAIL = Tag.of(NS, "SendMail");
    static final Tag SMART_REPLY = Tag.of(NS, "SmartReply");
    static final Tag SMART_FORWARD = Tag.of(NS, "SmartForward");
    private static final Tag CLIENT_ID = Tag.of(NS, "ClientId");
    private static final Tag ACCOUNT_ID = Tag.of(NS, "AccountId");
    private static final Tag SAVE_IN_SENT_ITEMS = Tag.of(NS, "SaveInSentItems");
    private static final Tag REPLACE_MIME = Tag.of(NS, "ReplaceMime");
    private static final Tag SOURCE = Tag.of(NS, "Source");
    private static final Tag FOLDER_ID = Tag.of(NS, "FolderId");
    private static final Tag ITEM_ID = Tag.of(NS, "ItemId");
    private static final Tag LONG_ID = Tag.of(NS, "LongId");
    private static final Tag INSTANCE_ID = Tag.of(NS, "InstanceId");
    private static final Tag MIME = Tag.of(NS, "Mime");
    /** MS-ASCMD 2.2.3.28.1: at most 40 characters. */
    private static final int MAX_CLIENT_ID = 40;

    private ComposeMail() {
    }

    /** Whether the body is the raw message: up to 12.1. */
    static boolean rawBody(ProtocolVersion version) {
        return !version.atLeast(ProtocolVersion.V14_0);
    }

    static SendRequest request(EasExchange x, Tag root, SendRequest.Kind kind) throws MalformedWbxml {
        if (rawBody(x.version())) {
            SendRequest.Source source = kind == SendRequest.Kind.NEW ? null : new SendRequest.Source(
                    x.query().parameters().get("CollectionId"), x.query().parameters().get("ItemId"),
                    x.query().parameters().get("LongId"), x.query().parameters().get("Occurrence"));
            byte[] mime = x.rawBody() == null ? new byte[0] : x.rawBody();
            return new SendRequest(x.user().userId(), x.user().contextName(), x.device().id(), x.mail(), mime, null,
                    x.query().flag("SaveInSent"), kind, source, false, null);
        }
        Element body = x.request(root);
        String clientId = body.childText(CLIENT_ID).map(String::trim).orElse("");
        if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID) {
            throw new MalformedWbxml(root.name() + " needs a ClientId of 1 to " + MAX_CLIENT_ID + " characters");
        }
        byte[] mime = body.child(MIME).map(Element::bytes).orElseThrow(() -> new MalformedWbxml(root.name() + " needs its Mime"));
        SendRequest.Source source = null;
        if (kind != SendRequest.Kind.NEW) {
            Element s = body.child(SOURCE).orElseThrow(() -> new MalformedWbxml(root.name() + " needs a Source"));
            source = new SendRequest.Source(s.childText(FOLDER_ID).orElse(null), s.childText(ITEM_ID).orElse(null),
                    s.childText(LONG_ID).orElse(null), s.childText(INSTANCE_ID).orElse(null));
        }
        return new SendRequest(x.user().userId(), x.user().contextName(), x.device().id(), x.mail(), mime, clientId,
                body.child(SAVE_IN_SENT_ITEMS).isPresent(), kind, source, body.child(REPLACE_MIME).isPresent(),
                body.childText(ACCOUNT_ID).orElse(null));
    }

    static Response answer(EasCommand command, EasExchange x, SendStatus status) {
        if (status.sent()) {
            return Response.ok().build();
        }
        if (rawBody(x.version())) {
            Response.ResponseBuilder answer = Response.status(httpStatus(status));
            return status == SendStatus.RETRY_LATER ? answer.header("Retry-After", "30").build() : answer.build();
        }
        return Wbxml.status(command, status(status));
    }

    /** Up to 12.1 (MS-ASHTTP 2.2.2.1.1): a failure is the HTTP status. */
    static int httpStatus(SendStatus status) {
        return switch (status) {
            case SENT, ALREADY_SENT -> 200;
            case TOO_LARGE -> 413;
            case SUBMISSION_FAILED -> 500; // as Exchange answered 12.1 clients: the server could not send it
            case RETRY_LATER -> 503;
            default -> 400; // the message itself: sending it again unchanged fails again
        };
    }

    /** MS-ASCMD 2.2.2 common status codes. */
    static int status(SendStatus status) {
        return switch (status) {
            case INVALID_MIME -> 107;
            case NO_RECIPIENTS -> 119;
            case SUBMISSION_FAILED -> 120;
            case TOO_LARGE -> 122; // AttachmentIsTooLarge: the message with its attachments is more than may be sent
            case FROM_NOT_ALLOWED -> 130; // AccessDenied: the user may not send as that address
            case ITEM_NOT_FOUND -> 150;
            case INVALID_ACCOUNT -> 166;
            case RETRY_LATER -> 111;
            case SENT, ALREADY_SENT -> 1;
        };
    }
}
