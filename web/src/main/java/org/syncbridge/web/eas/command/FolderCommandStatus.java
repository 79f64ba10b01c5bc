package org.syncbridge.web.eas.command;

import org.syncbridge.hierarchy.FolderChange;

/** The Status values of FolderCreate, FolderUpdate and FolderDelete (MS-ASCMD 2.2.3.177.2-4). */
final class FolderCommandStatus {
    private FolderCommandStatus() {
    }

    static int of(FolderChange.Outcome outcome) {
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
