package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.Hierarchy.DISPLAY_NAME;
import static org.syncbridge.web.eas.command.Hierarchy.NS;
import static org.syncbridge.web.eas.command.Hierarchy.PARENT_ID;
import static org.syncbridge.web.eas.command.Hierarchy.SERVER_ID;
import static org.syncbridge.web.eas.command.Hierarchy.STATUS;
import static org.syncbridge.web.eas.command.Hierarchy.SYNC_KEY;
import static org.syncbridge.web.eas.command.Hierarchy.TYPE;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.syncbridge.hierarchy.FolderChange;
import org.syncbridge.hierarchy.FolderOperations;
import org.syncbridge.hierarchy.FolderRole;
import org.syncbridge.web.eas.EasCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/** FolderCreate: a mail folder on IMAP, or a contacts, calendar or tasks folder. */
@ApplicationScoped
public class FolderCreateCommand implements EasCommand {
    private static final Tag ROOT = Tag.of(NS, "FolderCreate");

    @EJB
    FolderOperations folders;

    @Override
    public String name() {
        return "FolderCreate";
    }

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Element request = x.body().filter(b -> b.is(ROOT)).orElseThrow(() -> new MalformedWbxml("FolderCreate needs a FolderCreate body"));
        Optional<String> key = request.childText(SYNC_KEY);
        Optional<String> name = request.childText(DISPLAY_NAME);
        Optional<FolderRole> role = FolderTypes.creatable(request.childText(TYPE).orElse(null));
        if (key.isEmpty() || name.isEmpty() || role.isEmpty()) {
            return Wbxml.status(this, 10);
        }
        FolderChange change = folders.create(x.device().id(), x.user().userId(), x.mail(), key.get(),
                request.childText(PARENT_ID).orElse("0"), name.get(), role.get());
        if (change.outcome() != FolderChange.Outcome.OK) {
            return Wbxml.status(this, FolderCommandStatus.of(change.outcome()));
        }
        return Wbxml.ok(out -> out.start(ROOT).text(STATUS, "1").text(SYNC_KEY, change.syncKey())
                .text(SERVER_ID, change.serverId()).end());
    }
}
