package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.meeting.MeetingAnswer;
import org.syncbridge.mail.meeting.MeetingResponseRequest;
import org.syncbridge.mail.meeting.MeetingResponseResult;
import org.syncbridge.mail.meeting.MeetingResponses;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * MeetingResponse (MS-ASCMD 2.2.1.11): accepts, tentatively accepts or declines meetings, each Request answered on its
 * own with its RequestId, Status and (unless declined) the CalendarId of the meeting's calendar item. The server
 * sends the answer mail only at 16.0+ and only when SendResponse is present (2.2.3.163); before, the phone sends it.
 */
@ApplicationScoped
public class MeetingResponseCommand implements ImmediateCommand {
    private static final Logger LOG = Logger.getLogger(MeetingResponseCommand.class.getName());
    private static final String NS = "MeetingResponse:";
    private static final String BASE = "AirSyncBase:";
    private static final Tag ROOT = Tag.of(NS, "MeetingResponse");
    private static final Tag REQUEST = Tag.of(NS, "Request");
    private static final Tag USER_RESPONSE = Tag.of(NS, "UserResponse");
    private static final Tag COLLECTION_ID = Tag.of(NS, "CollectionId");
    private static final Tag REQUEST_ID = Tag.of(NS, "RequestId");
    private static final Tag INSTANCE_ID = Tag.of(NS, "InstanceId");
    private static final Tag LONG_ID = Tag.of("Search:", "LongId");
    private static final Tag SEND_RESPONSE = Tag.of(NS, "SendResponse");
    private static final Tag PROPOSED_START = Tag.of(NS, "ProposedStartTime");
    private static final Tag PROPOSED_END = Tag.of(NS, "ProposedEndTime");
    private static final Tag BODY = Tag.of(BASE, "Body");
    private static final Tag DATA = Tag.of(BASE, "Data");
    private static final Tag TYPE = Tag.of(BASE, "Type");
    private static final Tag RESULT = Tag.of(NS, "Result");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag CALENDAR_ID = Tag.of(NS, "CalendarId");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @EJB
    MeetingResponses responses;

    @Override
    public Tag root() {
        return ROOT;
    }

    private record Answer(String requestId, String status, String calendarId) {
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        List<Element> requests = x.request(ROOT).children(REQUEST);
        if (requests.isEmpty()) {
            throw new MalformedWbxml("MeetingResponse needs at least one Request");
        }
        List<Answer> answers = new ArrayList<>();
        for (Element request : requests) {
            answers.add(answer(x, request));
        }
        return Wbxml.ok(out -> {
            out.start(ROOT);
            for (Answer a : answers) {
                out.start(RESULT);
                if (a.requestId() != null) {
                    out.text(REQUEST_ID, a.requestId());
                }
                out.text(STATUS, a.status());
                if (a.calendarId() != null) {
                    out.text(CALENDAR_ID, a.calendarId());
                }
                out.end();
            }
            out.end();
        });
    }

    private Answer answer(EasExchange x, Element request) {
        String requestId = request.childText(REQUEST_ID).orElse(null);
        Optional<MeetingAnswer> answer = request.childText(USER_RESPONSE).flatMap(MeetingAnswer::ofUserResponse);
        String longId = request.childText(LONG_ID).orElse(null);
        Optional<String> instance = request.childText(INSTANCE_ID).filter(s -> !s.isBlank());
        Optional<Instant> occurrence = instance.flatMap(MeetingResponseCommand::time);
        boolean named = longId != null || (requestId != null && request.childText(COLLECTION_ID).isPresent());
        if (answer.isEmpty() || !named || (instance.isPresent() && occurrence.isEmpty())) {
            return new Answer(requestId, "2", null); // malformed or invalid: the spec's "invalid meeting request"
        }
        boolean serverSends = x.atLeast(ProtocolVersion.V16_0);
        MeetingResponseRequest.Send send = serverSends ? request.child(SEND_RESPONSE).map(MeetingResponseCommand::send).orElse(null) : null;
        try {
            MeetingResponseResult result = responses.respond(new MeetingResponseRequest(x.user().userId(), x.user().contextName(), x.device().id(), x.mail(),
                    request.childText(COLLECTION_ID).orElse(null), requestId, longId, occurrence.orElse(null), answer.get(),
                    serverSends, send));
            return new Answer(requestId, switch (result.status()) {
                case SUCCESS -> "1";
                case INVALID_REQUEST -> "2";
                case MAILBOX_ERROR -> "3";
                case SERVER_ERROR -> "4";
            }, result.calendarId());
        } catch (MailUnavailable e) {
            LOG.warning(() -> "MeetingResponse of " + x.user().loginName() + ": the mail server failed: " + e.getMessage());
            return new Answer(requestId, "3", null);
        } catch (EJBException e) {
            LOG.warning(() -> "MeetingResponse of " + x.user().loginName() + " failed: " + e);
            return new Answer(requestId, "4", null);
        }
    }

    /** SendResponse: its Body's text (plain or HTML) and a proposed new time. */
    private static MeetingResponseRequest.Send send(Element sendResponse) {
        String body = sendResponse.child(BODY).flatMap(b -> b.childText(DATA)).orElse(null);
        boolean html = sendResponse.child(BODY).flatMap(b -> b.childText(TYPE)).filter("2"::equals).isPresent();
        return new MeetingResponseRequest.Send(body, html, sendResponse.childText(PROPOSED_START).flatMap(MeetingResponseCommand::time).orElse(null),
                sendResponse.childText(PROPOSED_END).flatMap(MeetingResponseCommand::time).orElse(null));
    }

    /** A dateTime as MS-ASDTYPE writes it ("2026-03-09T08:00:00.000Z") or in the compact form ("20260309T080000Z"). */
    static Optional<Instant> time(String text) {
        String t = text.trim();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(t, COMPACT).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
