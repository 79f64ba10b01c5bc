package org.syncbridge.persistence.pim;

import org.syncbridge.persistence.folder.ContentType;

/** What a PIM item is; each lives in the folders of the matching content type. */
public enum ItemClass {
    CONTACT(ContentType.CONTACTS), EVENT(ContentType.CALENDAR), TASK(ContentType.TASKS);

    private final ContentType folderType;

    ItemClass(ContentType folderType) {
        this.folderType = folderType;
    }

    public static ItemClass of(ContentType folderType) {
        for (ItemClass c : values()) {
            if (c.folderType == folderType) {
                return c;
            }
        }
        throw new IllegalArgumentException(String.valueOf(folderType));
    }
}
