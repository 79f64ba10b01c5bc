package org.syncbridge.hierarchy;

/** What a folder in a device's hierarchy is; each protocol maps it to its own folder types. */
public enum FolderRole {
    INBOX, DRAFTS, TRASH, SENT, OUTBOX, JUNK, MAIL,
    DEFAULT_CONTACTS, DEFAULT_CALENDAR, DEFAULT_TASKS, CONTACTS, CALENDAR, TASKS;

    public boolean mail() {
        return ordinal() <= MAIL.ordinal();
    }

    /** Special folders cannot be renamed, moved or deleted by a client. */
    public boolean special() {
        return this != MAIL && this != CONTACTS && this != CALENDAR && this != TASKS;
    }
}
