package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.Hierarchy.DISPLAY_NAME;
import static org.syncbridge.web.eas.command.Hierarchy.NS;
import static org.syncbridge.web.eas.command.Hierarchy.PARENT_ID;
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

/** FolderUpdate: renames a folder or moves it below another. */
@ApplicationScoped
public class FolderUpdateCommand implements EasCommand {
    private static final Tag ROOT = Tag.of(NS, "FolderUpdate");

    @EJB
    FolderOperations folders;

    @Override
    public String name() {
        return "FolderUpdate";
    }

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Element request = x.body().filter(b -> b.is(ROOT)).orElseThrow(() -> new MalformedWbxml("FolderUpdate needs a FolderUpdate body"));
        Optional<String> key = request.childText(SYNC_KEY);
        Optional<String> serverId = request.childText(SERVER_ID);
        Optional<String> name = request.childText(DISPLAY_NAME);
        if (key.isEmpty() || serverId.isEmpty() || name.isEmpty()) {
            return Wbxml.status(this, 10);
        }
        FolderChange change = folders.update(x.device().id(), x.user().userId(), x.mail(), key.get(), serverId.get(),
                request.childText(PARENT_ID).orElse("0"), name.get());
        if (change.outcome() != FolderChange.Outcome.OK) {
            return Wbxml.status(this, FolderCommandStatus.of(change.outcome()));
        }
        return Wbxml.ok(out -> out.start(ROOT).text(STATUS, "1").text(SYNC_KEY, change.syncKey()).end());
    }
}
