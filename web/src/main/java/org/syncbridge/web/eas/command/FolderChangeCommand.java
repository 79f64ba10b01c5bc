package org.syncbridge.web.eas.command;

import static org.syncbridge.web.eas.command.Hierarchy.SERVER_ID;
import static org.syncbridge.web.eas.command.Hierarchy.STATUS;
import static org.syncbridge.web.eas.command.Hierarchy.SYNC_KEY;

import jakarta.ejb.EJB;
import jakarta.ws.rs.core.Response;
import org.syncbridge.hierarchy.FolderChange;
import org.syncbridge.hierarchy.FolderOperations;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;

/**
 * FolderCreate, FolderUpdate and FolderDelete: each reads its request into one folder operation and
 * answers Status and the new hierarchy SyncKey (MS-ASCMD 2.2.3.177.2-4 for the status values).
 */
abstract class FolderChangeCommand implements ImmediateCommand {

    @EJB
    FolderOperations folders;

    /** Runs the operation, or returns null when a required element is missing (Status 10). */
    abstract FolderChange change(EasExchange x, Element request);

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        FolderChange change = change(x, x.request(root()));
        if (change == null) {
            return Wbxml.status(this, 10);
        }
        if (change.outcome() != FolderChange.Outcome.OK) {
            return Wbxml.status(this, status(change.outcome()));
        }
        return Wbxml.ok(out -> {
            out.start(root()).text(STATUS, "1").text(SYNC_KEY, change.syncKey());
            if (change.serverId() != null) { // FolderCreate's new folder
                out.text(SERVER_ID, change.serverId());
            }
            out.end();
        });
    }

    private static int status(FolderChange.Outcome outcome) {
        return switch (outcome) {
            case OK -> 1;
            case EXISTS -> 2;
            case SPECIAL_FOLDER -> 3;
            case NOT_FOUND -> 4;
            case PARENT_NOT_FOUND -> 5;
            case INVALID_KEY -> 9;
            case INVALID_REQUEST -> 10;
        };
    }
}
