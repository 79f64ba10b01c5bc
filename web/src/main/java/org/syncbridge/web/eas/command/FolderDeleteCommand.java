package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.Hierarchy.NS;
import static org.syncbridge.web.eas.command.Hierarchy.SERVER_ID;
import static org.syncbridge.web.eas.command.Hierarchy.SYNC_KEY;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.syncbridge.hierarchy.FolderChange;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** FolderDelete: deletes a folder with everything in and below it. */
@ApplicationScoped
public class FolderDeleteCommand extends FolderChangeCommand {
    private static final Tag ROOT = Tag.of(NS, "FolderDelete");

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    FolderChange change(EasExchange x, Element request) {
        Optional<String> key = request.childText(SYNC_KEY);
        Optional<String> serverId = request.childText(SERVER_ID);
        if (key.isEmpty() || serverId.isEmpty()) {
            return null;
        }
        return folders.delete(x.device().id(), x.user().userId(), x.mail(), key.get(), serverId.get());
    }
}
