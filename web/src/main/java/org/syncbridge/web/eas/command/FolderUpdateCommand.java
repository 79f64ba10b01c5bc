package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.Hierarchy.DISPLAY_NAME;
import static org.syncbridge.web.eas.command.Hierarchy.NS;
import static org.syncbridge.web.eas.command.Hierarchy.PARENT_ID;
import static org.syncbridge.web.eas.command.Hierarchy.SERVER_ID;
import static org.syncbridge.web.eas.command.Hierarchy.SYNC_KEY;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.syncbridge.hierarchy.FolderChange;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** FolderUpdate: renames a folder or moves it below another. */
@ApplicationScoped
public class FolderUpdateCommand extends FolderChangeCommand {
    private static final Tag ROOT = Tag.of(NS, "FolderUpdate");

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    FolderChange change(EasExchange x, Element request) {
        Optional<String> key = request.childText(SYNC_KEY);
        Optional<String> serverId = request.childText(SERVER_ID);
        Optional<String> name = request.childText(DISPLAY_NAME);
        if (key.isEmpty() || serverId.isEmpty() || name.isEmpty()) {
            return null;
        }
        return folders.update(x.device().id(), x.user().userId(), x.mail(), key.get(), serverId.get(),
                request.childText(PARENT_ID).orElse("0"), name.get());
    }
}
