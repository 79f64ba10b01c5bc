package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.syncbridge.jms.Waiter;
import org.syncbridge.jms.WatchKeys;
import org.syncbridge.mail.push.MailPush;
import org.syncbridge.push.PushPlan;
import org.syncbridge.push.PushPlans;
import org.syncbridge.web.eas.EasCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * Ping (MS-ASCMD 2.2.1.13): the device names folders and a heartbeat and waits, parked in the push hub
 * without a thread, until one of them changes (Status 2 with the folders), the heartbeat runs out
 * (Status 1), or its folder hierarchy changes (Status 7); a wipe, block or policy change ends it with
 * Status 1, so that the device's next request meets it. A Ping without a body, or without folders or
 * heartbeat, repeats the device's last one (Status 3 when there is none). Out of bounds: Status 5 with
 * the allowed heartbeat, Status 6 with the most folders. A newer Ping or Sync of the device ends it.
 */
@ApplicationScoped
public class PingCommand implements EasCommand {
    static final String NS = "Ping:";
    private static final Tag ROOT = Tag.of(NS, "Ping");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag HEARTBEAT = Tag.of(NS, "HeartbeatInterval");
    private static final Tag FOLDERS = Tag.of(NS, "Folders");
    private static final Tag FOLDER = Tag.of(NS, "Folder");
    private static final Tag ID = Tag.of(NS, "Id");
    private static final Tag MAX_FOLDERS = Tag.of(NS, "MaxFolders");

    @EJB
    PushPlans plans;

    @Inject
    MailPush mailPush;

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public void answer(EasExchange x, Consumer<Response> reply) throws MalformedWbxml {
        Optional<Element> request = x.body().isPresent() ? Optional.of(x.request(ROOT)) : Optional.empty();
        Integer heartbeat = null;
        List<String> folders = null;
        if (request.isPresent()) {
            Optional<String> seconds = request.get().childText(HEARTBEAT);
            if (seconds.isPresent()) {
                try {
                    heartbeat = Integer.valueOf(seconds.get().trim());
                } catch (NumberFormatException e) {
                    reply.accept(Wbxml.status(this, 4));
                    return;
                }
            }
            Optional<Element> list = request.get().child(FOLDERS);
            if (list.isPresent()) {
                folders = new ArrayList<>();
                for (Element folder : list.get().children(FOLDER)) {
                    folders.add(folder.childText(ID).orElseThrow(() -> new MalformedWbxml("a Ping Folder needs an Id")));
                }
            }
        }
        PushPlan plan = plans.plan(x.device().id(), x.user().userId(), heartbeat, folders);
        switch (plan.outcome()) {
            case NOTHING_TO_WATCH -> reply.accept(Wbxml.status(this, 3));
            case HEARTBEAT_OUT_OF_BOUNDS -> reply.accept(limit(5, HEARTBEAT, plan.limit()));
            case TOO_MANY_COLLECTIONS -> reply.accept(limit(6, MAX_FOLDERS, plan.limit()));
            case HIERARCHY_CHANGED -> reply.accept(Wbxml.status(this, 7));
            case PARK -> park(x, plan, reply);
        }
    }

    /** Parks first and then looks at what already changed, so no change falls between the two. */
    private void park(EasExchange x, PushPlan plan, Consumer<Response> reply) {
        Waiter waiter = new Waiter() {
            @Override
            public void changed(Set<String> keys) {
                Set<String> collections = new LinkedHashSet<>();
                keys.stream().map(plan.watched()::get).filter(Objects::nonNull).forEach(collections::add);
                if (!collections.isEmpty()) {
                    reply.accept(changedFolders(collections));
                } else if (keys.stream().anyMatch(WatchKeys::isHierarchy)) {
                    reply.accept(Wbxml.status(PingCommand.this, 7));
                } else { // the device's standing changed (wipe, block, policy): its next Ping meets it
                    reply.accept(Wbxml.status(PingCommand.this, 1));
                }
            }

            @Override
            public void expired() {
                reply.accept(Wbxml.status(PingCommand.this, 1));
            }

            @Override
            public void replaced() {
                reply.accept(Wbxml.status(PingCommand.this, 1));
            }
        };
        // parked with IMAP watchers on its mail folders; those that changed since the device's last sync wake it at once
        var watch = mailPush.park(x.user(), x.device().id(), x.mail(), plan.watched().keySet(), Duration.ofSeconds(plan.heartbeat()), waiter);
        if (!plan.pending().isEmpty()) {
            Set<String> keys = new LinkedHashSet<>();
            plan.watched().forEach((key, collection) -> {
                if (plan.pending().contains(collection)) {
                    keys.add(key);
                }
            });
            watch.wake(keys);
        }
    }

    private Response changedFolders(Set<String> collections) {
        return Wbxml.ok(out -> {
            out.start(ROOT).text(STATUS, "2").start(FOLDERS);
            for (String id : collections) {
                out.text(FOLDER, id);
            }
            out.end().end();
        });
    }

    private Response limit(int status, Tag tag, int limit) {
        return Wbxml.ok(out -> out.start(ROOT).text(STATUS, String.valueOf(status)).text(tag, String.valueOf(limit)).end());
    }
}
