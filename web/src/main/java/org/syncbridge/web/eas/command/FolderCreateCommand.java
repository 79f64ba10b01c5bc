package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.Hierarchy.DISPLAY_NAME;
import static org.syncbridge.web.eas.command.Hierarchy.NS;
import static org.syncbridge.web.eas.command.Hierarchy.PARENT_ID;
import static org.syncbridge.web.eas.command.Hierarchy.SYNC_KEY;
import static org.syncbridge.web.eas.command.Hierarchy.TYPE;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.syncbridge.hierarchy.FolderChange;
import org.syncbridge.hierarchy.FolderRole;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** FolderCreate: a mail folder on IMAP, or a contacts, calendar or tasks folder. */
@ApplicationScoped
public class FolderCreateCommand extends FolderChangeCommand {
    private static final Tag ROOT = Tag.of(NS, "FolderCreate");

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    FolderChange change(EasExchange x, Element request) {
        Optional<String> key = request.childText(SYNC_KEY);
        Optional<String> name = request.childText(DISPLAY_NAME);
        Optional<FolderRole> role = FolderTypes.creatable(request.childText(TYPE).orElse(null));
        if (key.isEmpty() || name.isEmpty() || role.isEmpty()) {
            return null;
        }
        return folders.create(x.device().id(), x.user().userId(), x.mail(), key.get(),
                request.childText(PARENT_ID).orElse("0"), name.get(), role.get());
    }
}
