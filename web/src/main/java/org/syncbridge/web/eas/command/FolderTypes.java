package org.syncbridge.web.eas.command;

import java.util.Map;
import java.util.Optional;
import org.syncbridge.hierarchy.FolderRole;

/** FolderSync's folder Type values (MS-ASCMD 2.2.3.186.3) for each folder role. */
final class FolderTypes {
    private static final Map<FolderRole, Integer> TYPES = Map.ofEntries(
            Map.entry(FolderRole.INBOX, 2), Map.entry(FolderRole.DRAFTS, 3), Map.entry(FolderRole.TRASH, 4),
            Map.entry(FolderRole.SENT, 5), Map.entry(FolderRole.OUTBOX, 6), Map.entry(FolderRole.JUNK, 12),
            Map.entry(FolderRole.MAIL, 12), Map.entry(FolderRole.DEFAULT_TASKS, 7), Map.entry(FolderRole.DEFAULT_CALENDAR, 8),
            Map.entry(FolderRole.DEFAULT_CONTACTS, 9), Map.entry(FolderRole.CALENDAR, 13), Map.entry(FolderRole.CONTACTS, 14),
            Map.entry(FolderRole.TASKS, 15));

    private FolderTypes() {
    }

    static int of(FolderRole role) {
        return TYPES.get(role);
    }

    /** The role of a folder a client creates: a generic (1) or user mail folder, calendar, contacts or tasks. */
    static Optional<FolderRole> creatable(String type) {
        return Optional.ofNullable(switch (type == null ? "" : type.trim()) {
            case "1", "12" -> FolderRole.MAIL;
            case "13" -> FolderRole.CALENDAR;
            case "14" -> FolderRole.CONTACTS;
            case "15" -> FolderRole.TASKS;
            default -> null;
        });
    }
}
