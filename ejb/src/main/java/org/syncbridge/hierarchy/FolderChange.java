package org.syncbridge.hierarchy;

/**
 * The result of a folder command from a device.
 *
 * @param syncKey  the hierarchy key to use next (when the outcome is OK)
 * @param serverId the created folder's id; only a create has one
 */
public record FolderChange(Outcome outcome, String syncKey, String serverId) {

    public enum Outcome { OK, EXISTS, SPECIAL_FOLDER, NOT_FOUND, PARENT_NOT_FOUND, INVALID_KEY, INVALID_REQUEST }

    static FolderChange refused(Outcome outcome) {
        return new FolderChange(outcome, null, null);
    }
}
