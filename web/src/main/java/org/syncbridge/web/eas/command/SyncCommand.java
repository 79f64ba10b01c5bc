package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.syncbridge.jms.PushHub;
import org.syncbridge.jms.Waiter;
import org.syncbridge.jms.WatchKeys;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.mail.meeting.MeetingInbox;
import org.syncbridge.mail.sync.MailSync;
import org.syncbridge.mail.sync.MailSyncRequest;
import org.syncbridge.mail.push.MailPush;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.push.PushPlan;
import org.syncbridge.push.PushPlans;
import org.syncbridge.sync.ClientCommand;
import org.syncbridge.sync.CollectionSync;
import org.syncbridge.sync.CommandResult;
import org.syncbridge.sync.ServerChange;
import org.syncbridge.sync.SyncRequest;
import org.syncbridge.sync.SyncResult;
import org.syncbridge.web.eas.EasCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.item.ItemCodec;
import org.syncbridge.web.eas.item.ItemCodecs;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * Sync (MS-ASCMD 2.2.1.21): for each collection, the client's Add, Change, Delete and Fetch, then
 * the server's changes since the key, at most WindowSize of them. Each collection is answered on its
 * own; an item the codec cannot read gets status 6 and the rest go on. With Wait or HeartbeatInterval
 * and nothing to say, it parks until something changes (Status 14 with the Limit when out of bounds).
 */
@ApplicationScoped
public class SyncCommand implements EasCommand {
    private static final Logger LOG = Logger.getLogger(SyncCommand.class.getName());
    static final String NS = "AirSync:";
    private static final Tag ROOT = Tag.of(NS, "Sync");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag COLLECTIONS = Tag.of(NS, "Collections");
    private static final Tag COLLECTION = Tag.of(NS, "Collection");
    private static final Tag SYNC_KEY = Tag.of(NS, "SyncKey");
    private static final Tag COLLECTION_ID = Tag.of(NS, "CollectionId");
    private static final Tag CLASS = Tag.of(NS, "Class");
    private static final Tag GET_CHANGES = Tag.of(NS, "GetChanges");
    private static final Tag SUPPORTED = Tag.of(NS, "Supported");
    private static final Tag WINDOW_SIZE = Tag.of(NS, "WindowSize");
    private static final Tag OPTIONS = Tag.of(NS, "Options");
    private static final Tag CONFLICT = Tag.of(NS, "Conflict");
    private static final Tag COMMANDS = Tag.of(NS, "Commands");
    private static final Tag RESPONSES = Tag.of(NS, "Responses");
    private static final Tag MORE_AVAILABLE = Tag.of(NS, "MoreAvailable");
    private static final Tag ADD = Tag.of(NS, "Add");
    private static final Tag CHANGE = Tag.of(NS, "Change");
    private static final Tag DELETE = Tag.of(NS, "Delete");
    private static final Tag FETCH = Tag.of(NS, "Fetch");
    private static final Tag CLIENT_ID = Tag.of(NS, "ClientId");
    private static final Tag SERVER_ID = Tag.of(NS, "ServerId");
    private static final Tag APPLICATION_DATA = Tag.of(NS, "ApplicationData");
    private static final Tag SOFT_DELETE = Tag.of(NS, "SoftDelete");
    private static final Tag FILTER_TYPE = Tag.of(NS, "FilterType");
    private static final Tag DELETES_AS_MOVES = Tag.of(NS, "DeletesAsMoves");
    private static final Tag INSTANCE_ID = Tag.of("AirSyncBase:", "InstanceId");
    private static final Tag ATTACHMENTS = Tag.of("AirSyncBase:", "Attachments");
    private static final Tag ATTACHMENT = Tag.of("AirSyncBase:", "Attachment");
    private static final Tag ATTACHMENT_CLIENT_ID = Tag.of("AirSyncBase:", "ClientId");
    private static final Tag FILE_REFERENCE = Tag.of("AirSyncBase:", "FileReference");
    private static final java.time.format.DateTimeFormatter COMPACT =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final Tag WAIT = Tag.of(NS, "Wait");
    private static final Tag HEARTBEAT_INTERVAL = Tag.of(NS, "HeartbeatInterval");
    private static final Tag LIMIT = Tag.of(NS, "Limit");
    private static final int DEFAULT_WINDOW = 100;

    @EJB
    CollectionSync engine;

    @EJB
    MailSync mailSync;

    @EJB
    MeetingInbox meetings;

    @Inject
    PushHub hub;

    @Inject
    MailPush mailPush;

    @Inject
    SyncRequestMemory requests;

    @EJB
    PushPlans plans;

    @Override
    public Tag root() {
        return ROOT;
    }

    /** One collection's request and what the engine answered. */
    private record Answered(String collectionId, String itemClass, SyncResult result, ItemCodec codec) {
    }

    /**
     * Answers at once, unless the request asks to wait (Wait in minutes, or HeartbeatInterval in seconds from
     * 14.0) and nothing is to be said yet: then it parks in the push hub and syncs again when one of its
     * collections changes, or answers empty when the time runs out or a newer request of the device comes.
     */
    @Override
    public void answer(EasExchange x, Consumer<Response> reply) throws MalformedWbxml {
        hub.replace(x.device().id()); // a newer Sync ends the device's waiting Ping or Sync
        Optional<Element> effective = requests.effective(x);
        if (effective.isEmpty()) {
            reply.accept(Wbxml.status(this, 13)); // an empty or Partial Sync, and no earlier request to complete it
            return;
        }
        Element request = effective.get();
        Optional<Element> collections = request.child(COLLECTIONS);
        if (collections.isEmpty()) {
            reply.accept(Wbxml.status(this, 4));
            return;
        }
        Optional<Integer> wait = Optional.empty();
        if (request.child(WAIT).isPresent() || request.child(HEARTBEAT_INTERVAL).isPresent()) {
            boolean minutes = request.child(WAIT).isPresent();
            int value = number(request.childText(minutes ? WAIT : HEARTBEAT_INTERVAL).orElse(""), -1);
            int seconds = minutes ? value * 60 : value;
            if (seconds < PushPlans.MIN_HEARTBEAT || seconds > PushPlans.MAX_HEARTBEAT) {
                int limit = seconds < PushPlans.MIN_HEARTBEAT ? PushPlans.MIN_HEARTBEAT : PushPlans.MAX_HEARTBEAT;
                reply.accept(Wbxml.ok(out -> out.start(ROOT).text(STATUS, "14")
                        .text(LIMIT, String.valueOf(minutes ? Math.max(1, limit / 60) : limit)).end()));
                return;
            }
            wait = Optional.of(seconds);
        }
        List<Answered> answers = run(x, request);
        if (wait.isPresent() && answers.stream().allMatch(a -> nothingToSay(a, collections.get()))) {
            List<String> ids = answers.stream().map(Answered::collectionId).toList();
            Optional<PushPlan> plan = plans.watch(x.device().id(), x.user().userId(), ids, wait.get());
            if (plan.isPresent() && plan.get().pending().isEmpty()) {
                park(x, request, plan.get(), reply);
                return;
            }
        }
        reply.accept(render(answers, x.version()));
    }

    private void park(EasExchange x, Element request, PushPlan plan, Consumer<Response> reply) {
        Waiter waiter = new Waiter() {
            @Override
            public void changed(Set<String> keys) {
                if (keys.stream().allMatch(k -> plan.watched().get(k) == null && !WatchKeys.isHierarchy(k))) {
                    reply.accept(Response.ok().build()); // the device's standing changed: its next request meets it
                    return;
                }
                try {
                    reply.accept(render(run(x, request), x.version()));
                } catch (MalformedWbxml | RuntimeException e) {
                    LOG.warning(() -> "A woken Sync could not be answered: " + e);
                    reply.accept(Response.serverError().build());
                }
            }

            @Override
            public void expired() {
                reply.accept(Response.ok().build()); // nothing changed: an empty answer, the device asks again
            }

            @Override
            public void replaced() {
                reply.accept(Response.ok().build());
            }
        };
        // parked with IMAP watchers on its mail folders; those that changed since this sync's view wake it at once
        mailPush.park(x.user(), x.device().id(), x.mail(), plan.watched().keySet(), Duration.ofSeconds(plan.heartbeat()), waiter);
    }

    /** A collection that neither changed nor had commands: its answer would repeat the key with nothing in it. */
    private static boolean nothingToSay(Answered a, Element collections) {
        SyncResult r = a.result();
        String sentKey = collections.children(COLLECTION).stream()
                .filter(c -> a.collectionId().equals(c.childText(COLLECTION_ID).orElse(null)))
                .findFirst().flatMap(c -> c.childText(SYNC_KEY)).orElse("");
        return r.status() == SyncResult.Status.OK && r.results().isEmpty() && r.changes().isEmpty() && !r.moreAvailable()
                && sentKey.equals(r.syncKey());
    }

    private List<Answered> run(EasExchange x, Element request) throws MalformedWbxml {
        int overallWindow = request.childText(WINDOW_SIZE).map(SyncCommand::number).orElse(DEFAULT_WINDOW);
        List<Answered> answers = new ArrayList<>();
        for (Element collection : request.child(COLLECTIONS).orElseThrow().children(COLLECTION)) {
            answers.add(sync(x, collection, overallWindow));
        }
        return answers;
    }

    private Response render(List<Answered> answers, ProtocolVersion version) {
        return Wbxml.ok(out -> {
            out.start(ROOT).start(COLLECTIONS);
            for (Answered a : answers) {
                write(out, a, version);
            }
            out.end().end();
        });
    }

    private Answered sync(EasExchange x, Element collection, int overallWindow) throws MalformedWbxml {
        String collectionId = collection.childText(COLLECTION_ID).orElseThrow(() -> new MalformedWbxml("a Collection needs a CollectionId"));
        String key = collection.childText(SYNC_KEY).orElseThrow(() -> new MalformedWbxml("a Collection needs a SyncKey"));
        String itemClass = collection.childText(CLASS).orElse(null);
        if (mailSync.isMailFolder(x.user().userId(), collectionId)) {
            return syncMail(x, collection, collectionId, key, itemClass, overallWindow);
        }
        Optional<ItemClass> kind = engine.itemClass(x.user().userId(), collectionId);
        if (kind.filter(k -> k == ItemClass.EVENT).isPresent()) {
            lookForInvitations(x, collectionId);
        }
        ItemCodec codec = kind.map(ItemCodecs::of).orElse(null);
        Set<String> ghosted = ghosted(collection, key, codec, x.version());
        List<ClientCommand> commands = new ArrayList<>();
        collection.child(COMMANDS).ifPresent(c -> c.children().forEach(command -> commands.add(clientCommand(command, codec, x.version()))));
        boolean getChanges = collection.child(GET_CHANGES).map(g -> !"0".equals(g.text())).orElse(true);
        int window = collection.childText(WINDOW_SIZE).map(SyncCommand::number).orElse(overallWindow);
        Optional<Element> options = collection.child(OPTIONS);
        boolean serverWins = options.flatMap(o -> o.childText(CONFLICT)).map(c -> !"0".equals(c)).orElse(true);
        java.time.Instant windowStart = kind.filter(k -> k == ItemClass.EVENT)
                .flatMap(k -> options.flatMap(o -> o.childText(FILTER_TYPE))).map(FilterType::windowStart).orElse(null);
        Set<String> clientProperties = codec == null ? Set.of() : codec.managed(x.version());
        SyncResult result = engine.sync(new SyncRequest(x.device().id(), x.user().userId(), collectionId, key, getChanges,
                window, serverWins, commands, clientProperties, windowStart, ghosted, meetingMail(x)));
        return new Answered(collectionId, itemClass, result, codec);
    }

    /** From 16.0 the server sends the invitations of meetings the user organizes (MS-ASCAL); before, the phone does. */
    private static SyncRequest.MeetingMail meetingMail(EasExchange x) {
        return x.atLeast(ProtocolVersion.V16_0) ? new SyncRequest.MeetingMail(x.user().contextName(), x.mail()) : null;
    }

    /**
     * What a SyncKey 0 declares ghosted by its Supported element (MS-ASCMD 2.2.3.179); null without one. Supported
     * belongs to the first Sync of a folder only: with another key it is ignored, and the one declared stays.
     */
    private static Set<String> ghosted(Element collection, String key, ItemCodec codec, ProtocolVersion version) {
        Optional<Element> supported = collection.child(SUPPORTED);
        if (supported.isEmpty() || codec == null) {
            return null;
        }
        if (!"0".equals(key)) {
            LOG.fine(() -> "Ignored Supported in a Sync with key " + key + ": it counts with SyncKey 0 only");
            return null;
        }
        return codec.ghosted(supported.get(), version);
    }

    /** Invitations that reached the Inbox go to the calendar before the phone syncs it; looking never fails the Sync. */
    private void lookForInvitations(EasExchange x, String collectionId) {
        try {
            meetings.beforeCalendarSync(x.user().userId(), x.mail(), collectionId);
        } catch (RuntimeException e) {
            LOG.warning(() -> "The Inbox of user " + x.user().userId() + " was not looked at for invitations: " + e);
        }
    }

    /** A mail folder: the same request, answered from IMAP by the mail engine with the client's body wishes. */
    private Answered syncMail(EasExchange x, Element collection, String collectionId, String key, String itemClass, int overallWindow) {
        ItemCodec codec = ItemCodecs.of(ItemClass.EMAIL);
        List<ClientCommand> commands = new ArrayList<>();
        boolean writesDrafts = x.atLeast(ProtocolVersion.V16_0); // before 16.0 a phone changes only flags of mail
        collection.child(COMMANDS).ifPresent(c -> c.children().forEach(command -> commands.add(
                clientCommand(command, writesDrafts ? ItemCodecs.draft() : ItemCodecs.mailChange(), x.version()))));
        boolean getChanges = collection.child(GET_CHANGES).map(g -> !"0".equals(g.text())).orElse(true);
        int window = collection.childText(WINDOW_SIZE).map(SyncCommand::number).orElse(overallWindow);
        Optional<Element> options = collection.child(OPTIONS);
        java.time.Instant windowStart = options.flatMap(o -> o.childText(FILTER_TYPE)).map(FilterType::windowStart).orElse(null);
        boolean deletesAsMoves = collection.childText(DELETES_AS_MOVES).map(d -> !"0".equals(d.trim())).orElse(true);
        SyncResult result = mailSync.sync(new MailSyncRequest(x.device().id(), x.user().userId(), x.mail(), collectionId, key, getChanges,
                window, commands, windowStart, BodyRequests.of(options, x.version()), deletesAsMoves, writesDrafts));
        return new Answered(collectionId, itemClass, result, codec);
    }

    private static ClientCommand clientCommand(Element command, ItemCodec codec, ProtocolVersion version) {
        String serverId = command.childText(SERVER_ID).orElse("");
        if (command.is(ADD) || command.is(CHANGE)) {
            Element data = command.child(APPLICATION_DATA).orElse(Element.empty(APPLICATION_DATA));
            Map<String, Object> properties = null;
            try {
                if (codec != null) {
                    properties = codec.read(data, version);
                }
            } catch (ItemCodec.Unreadable e) {
                LOG.warning(() -> "Refused an item the client sent: " + e.getMessage());
            }
            return command.is(ADD) ? new ClientCommand.Add(command.childText(CLIENT_ID).orElse(""), properties)
                    : new ClientCommand.Change(serverId, properties, instanceId(command, version),
                            codec == null ? Set.of() : codec.present(data, version));
        }
        return command.is(DELETE) ? new ClientCommand.Delete(serverId, instanceId(command, version)) : new ClientCommand.Fetch(serverId);
    }

    /** From 16.0 a Change or Delete may name one occurrence by its original start (compact form); handed on as ISO-8601. */
    private static String instanceId(Element command, ProtocolVersion version) {
        if (!version.atLeast(ProtocolVersion.V16_0)) {
            return null;
        }
        return command.childText(INSTANCE_ID).map(text -> {
            try {
                return COMPACT.parse(text.trim(), java.time.Instant::from).toString();
            } catch (java.time.format.DateTimeParseException e) {
                return text; // the engine refuses it as unreadable
            }
        }).orElse(null);
    }

    private static void write(WbxmlWriter out, Answered a, ProtocolVersion version) throws IOException {
        SyncResult r = a.result();
        out.start(COLLECTION);
        if (a.itemClass() != null && !version.atLeast(ProtocolVersion.V12_1)) {
            out.text(CLASS, a.itemClass());
        }
        if (r.syncKey() != null) {
            out.text(SYNC_KEY, r.syncKey());
        }
        out.text(COLLECTION_ID, a.collectionId()).text(STATUS, switch (r.status()) {
            case OK -> "1";
            case INVALID_KEY -> "3";
            case COLLECTION_GONE -> "12";
        });
        writeResponses(out, r, a.codec(), version);
        if (r.moreAvailable()) {
            out.empty(MORE_AVAILABLE);
        }
        if (!r.changes().isEmpty()) {
            out.start(COMMANDS);
            for (ServerChange change : r.changes()) {
                switch (change.kind()) {
                    case ADD, CHANGE -> {
                        out.start(change.kind() == ServerChange.Kind.ADD ? ADD : CHANGE).text(SERVER_ID, change.serverId()).start(APPLICATION_DATA);
                        a.codec().write(out, change.properties(), version);
                        out.end().end();
                    }
                    case DELETE -> out.start(DELETE).text(SERVER_ID, change.serverId()).end();
                    case SOFT_DELETE -> out.start(SOFT_DELETE).text(SERVER_ID, change.serverId()).end();
                }
            }
            out.end();
        }
        out.end();
    }

    /** Adds and Fetches are always answered; a Change or Delete only when it did not succeed. */
    private static void writeResponses(WbxmlWriter out, SyncResult r, ItemCodec codec, ProtocolVersion version) throws IOException {
        List<CommandResult> answered = r.results().stream().filter(c -> c.command() instanceof ClientCommand.Add
                || c.command() instanceof ClientCommand.Fetch || c.outcome() != CommandResult.Outcome.OK || c.properties() != null).toList();
        if (answered.isEmpty()) {
            return;
        }
        out.start(RESPONSES);
        for (CommandResult c : answered) {
            String status = switch (c.outcome()) {
                case OK -> "1";
                case INVALID -> "6";
                case CONFLICT, DENIED -> "7";
                case NOT_FOUND -> "8";
            };
            if (c.command() instanceof ClientCommand.Add add) {
                out.start(ADD).text(CLIENT_ID, add.clientId());
                if (c.serverId() != null) {
                    out.text(SERVER_ID, c.serverId());
                }
                out.text(STATUS, status);
                writeAddedAttachments(out, c);
                out.end();
            } else if (c.command() instanceof ClientCommand.Change && c.properties() != null
                    && c.properties().containsKey(EmailProperties.ATTACHMENTS_ADDED)) {
                out.start(CHANGE).text(SERVER_ID, c.serverId()).text(STATUS, status);
                writeAddedAttachments(out, c);
                out.end();
            } else {
                Tag kind = c.command() instanceof ClientCommand.Change ? CHANGE : c.command() instanceof ClientCommand.Delete ? DELETE : FETCH;
                out.start(kind).text(SERVER_ID, c.serverId());
                String instance = c.command() instanceof ClientCommand.Change ch ? ch.instanceId()
                        : c.command() instanceof ClientCommand.Delete d ? d.instanceId() : null;
                if (instance != null) {
                    writeInstanceId(out, instance);
                }
                out.text(STATUS, status);
                if (c.properties() != null && codec != null) {
                    out.start(APPLICATION_DATA);
                    codec.write(out, c.properties(), version);
                    out.end();
                }
                out.end();
            }
        }
        out.end();
    }

    /** A 16.0 draft's new attachments: the FileReference each ClientId got (MS-ASAIRS 2.2.2.14). */
    private static void writeAddedAttachments(WbxmlWriter out, CommandResult c) throws IOException {
        if (c.properties() != null && c.properties().get(EmailProperties.ATTACHMENTS_ADDED) instanceof List<?> added && !added.isEmpty()) {
            out.start(APPLICATION_DATA).start(ATTACHMENTS);
            for (Object a : added) {
                Map<?, ?> m = (Map<?, ?>) a;
                out.start(ATTACHMENT).text(ATTACHMENT_CLIENT_ID, String.valueOf(m.get("clientId")))
                        .text(FILE_REFERENCE, String.valueOf(m.get("fileReference"))).end();
            }
            out.end().end();
        }
    }

    private static void writeInstanceId(WbxmlWriter out, String instance) throws IOException {
        try {
            out.text(INSTANCE_ID, COMPACT.format(java.time.Instant.parse(instance)));
        } catch (java.time.format.DateTimeParseException e) {
            out.text(INSTANCE_ID, instance);
        }
    }

    private static int number(String text) {
        return number(text, DEFAULT_WINDOW);
    }

    private static int number(String text, int otherwise) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
