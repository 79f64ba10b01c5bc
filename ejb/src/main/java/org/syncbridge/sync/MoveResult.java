package org.syncbridge.sync;

/** The outcome of moving one item; {@code destinationId} is the item's id in its new folder. */
public record MoveResult(Status status, String destinationId) {

    public enum Status {
        MOVED,
        /** The source folder or the item in it is unknown to the user (or the item moved on already). */
        INVALID_SOURCE,
        /** The destination folder is unknown to the user. */
        INVALID_DESTINATION,
        SAME_FOLDER,
        /** The user may read but not write the source or the destination. */
        DENIED,
        /** Folders of different classes (mail and PIM), or an IMAP server that could not tell the new UID. */
        FAILED
    }

    static MoveResult refused(Status status) {
        return new MoveResult(status, null);
    }
}
