package org.syncbridge.persistence.pim;

import org.syncbridge.persistence.folder.ContentType;

/**
 * What an item is; a PIM item lives in the folders of the matching content type. EMAIL has none: mail stays on the
 * IMAP server and is never stored as a PIM item, so no folder and no row maps to it.
 */
public enum ItemClass {
    CONTACT(ContentType.CONTACTS), EVENT(ContentType.CALENDAR), TASK(ContentType.TASKS), EMAIL(null);

    private final ContentType folderType;

    ItemClass(ContentType folderType) {
        this.folderType = folderType;
    }

    public static ItemClass of(ContentType folderType) {
        for (ItemClass c : values()) {
            if (folderType != null && c.folderType == folderType) {
                return c;
            }
        }
        throw new IllegalArgumentException(String.valueOf(folderType));
    }
}
