package org.syncbridge.pim;

/** What a user may do with a PIM folder's items. */
public enum FolderAccess {
    NONE, READ_ONLY, READ_WRITE;

    public boolean readable() {
        return this != NONE;
    }
}
