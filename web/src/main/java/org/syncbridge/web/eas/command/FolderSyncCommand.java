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
import java.io.IOException;
import org.syncbridge.hierarchy.FolderHierarchy;
import org.syncbridge.hierarchy.HierarchyFolder;
import org.syncbridge.hierarchy.HierarchySync;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/** FolderSync: the folder hierarchy, whole from key 0, else what changed since the key. */
@ApplicationScoped
public class FolderSyncCommand implements ImmediateCommand {
    private static final Tag ROOT = Tag.of(NS, "FolderSync");
    private static final Tag CHANGES = Tag.of(NS, "Changes");
    private static final Tag COUNT = Tag.of(NS, "Count");
    private static final Tag ADD = Tag.of(NS, "Add");
    private static final Tag UPDATE = Tag.of(NS, "Update");
    private static final Tag DELETE = Tag.of(NS, "Delete");

    @EJB
    FolderHierarchy hierarchy;


    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Element request = x.request(ROOT);
        String key = request.childText(SYNC_KEY).orElseThrow(() -> new MalformedWbxml("FolderSync needs a SyncKey"));
        HierarchySync sync = hierarchy.sync(x.device().id(), x.user().userId(), x.mail(), key);
        if (!sync.valid()) {
            return Wbxml.status(this, 9);
        }
        return Wbxml.ok(out -> {
            out.start(ROOT).text(STATUS, "1").text(SYNC_KEY, sync.syncKey()).start(CHANGES)
                    .text(COUNT, String.valueOf(sync.count()));
            for (String id : sync.deleted()) {
                out.start(DELETE).text(SERVER_ID, id).end();
            }
            for (HierarchyFolder f : sync.changed()) {
                folder(out, UPDATE, f);
            }
            for (HierarchyFolder f : sync.added()) {
                folder(out, ADD, f);
            }
            out.end().end();
        });
    }

    private static void folder(WbxmlWriter out, Tag kind, HierarchyFolder f) throws IOException {
        out.start(kind).text(SERVER_ID, f.serverId()).text(PARENT_ID, f.parentId()).text(DISPLAY_NAME, f.displayName())
                .text(TYPE, String.valueOf(FolderTypes.of(f.role()))).end();
    }
}
