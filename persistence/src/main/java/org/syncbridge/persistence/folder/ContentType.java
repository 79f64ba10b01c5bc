package org.syncbridge.persistence.folder;

/** What a PIM folder holds. Mail folders live on the IMAP server, not here. */
public enum ContentType {
    CONTACTS, CALENDAR, TASKS
}
