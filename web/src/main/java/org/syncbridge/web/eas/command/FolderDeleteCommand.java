package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.Hierarchy.NS;
import static org.syncbridge.web.eas.command.Hierarchy.SERVER_ID;
import static org.syncbridge.web.eas.command.Hierarchy.STATUS;
import static org.syncbridge.web.eas.command.Hierarchy.SYNC_KEY;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.syncbridge.hierarchy.FolderChange;
import org.syncbridge.hierarchy.FolderOperations;
import org.syncbridge.web.eas.EasCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/** FolderDelete: deletes a folder with everything in and below it. */
@ApplicationScoped
public class FolderDeleteCommand implements EasCommand {
    private static final Tag ROOT = Tag.of(NS, "FolderDelete");

    @EJB
    FolderOperations folders;

    @Override
    public String name() {
        return "FolderDelete";
    }

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Element request = x.body().filter(b -> b.is(ROOT)).orElseThrow(() -> new MalformedWbxml("FolderDelete needs a FolderDelete body"));
        Optional<String> key = request.childText(SYNC_KEY);
        Optional<String> serverId = request.childText(SERVER_ID);
        if (key.isEmpty() || serverId.isEmpty()) {
            return Wbxml.status(this, 10);
        }
        FolderChange change = folders.delete(x.device().id(), x.user().userId(), x.mail(), key.get(), serverId.get());
        if (change.outcome() != FolderChange.Outcome.OK) {
            return Wbxml.status(this, FolderCommandStatus.of(change.outcome()));
        }
        return Wbxml.ok(out -> out.start(ROOT).text(STATUS, "1").text(SYNC_KEY, change.syncKey()).end());
    }
}
