package org.syncbridge.web.eas.command;

import org.syncbridge.web.eas.wbxml.Tag;

/** Tags of the FolderHierarchy code page, shared by the folder commands. */
final class Hierarchy {
    static final String NS = "FolderHierarchy:";
    static final Tag STATUS = Tag.of(NS, "Status");
    static final Tag SYNC_KEY = Tag.of(NS, "SyncKey");
    static final Tag SERVER_ID = Tag.of(NS, "ServerId");
    static final Tag PARENT_ID = Tag.of(NS, "ParentId");
    static final Tag DISPLAY_NAME = Tag.of(NS, "DisplayName");
    static final Tag TYPE = Tag.of(NS, "Type");

    private Hierarchy() {
    }
}
