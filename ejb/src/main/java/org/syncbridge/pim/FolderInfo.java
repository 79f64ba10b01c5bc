package org.syncbridge.pim;

import java.util.List;

/** A user's PIM folder as the admin API shows it, with whom it is shared. */
public record FolderInfo(long id, String name, String type, boolean defaultFolder, boolean publicFolder,
                         List<ShareInfo> shares) {

    /** One user the folder is shared with. */
    public record ShareInfo(String login, boolean writable) {
    }
}
