package org.syncbridge.hierarchy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.syncbridge.hierarchy.FolderChange.Outcome;
import org.syncbridge.mail.MailFolderDirectory;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.persistence.device.Device;
import org.syncbridge.persistence.folder.ContentType;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.tenant.User;

/**
 * Folder commands of a device: create, rename or move, delete, for mail folders (on IMAP) and PIM
 * folders. Each checks the hierarchy key and records the change in the device's hierarchy state, so
 * the device is not told again what it did; other devices learn it at their next hierarchy sync.
 */
@Stateless
public class FolderOperations {
    private static final int MAX_NAME = 255;

    @PersistenceContext
    EntityManager em;

    @jakarta.ejb.EJB
    org.syncbridge.pim.FolderWatchers watchers;

    @EJB
    FolderHierarchy hierarchy;

    @EJB
    FolderTree tree;

    @EJB
    MailFolderDirectory mailFolders;

    public FolderChange create(long deviceId, long userId, MailLogin mail, String syncKey, String parentId,
                               String name, FolderRole role) {
        Optional<Map<String, HierarchyFolder>> basis = hierarchy.folders(deviceId, syncKey);
        if (basis.isEmpty()) {
            return FolderChange.refused(Outcome.INVALID_KEY);
        }
        if (!validName(name) || role == null || role.special()) {
            return FolderChange.refused(Outcome.INVALID_REQUEST);
        }
        Map<String, HierarchyFolder> live = tree.current(userId, mail, em.find(Device.class, deviceId).getDeviceType());
        HierarchyFolder parent = live.get(parentId);
        if (!HierarchyFolder.ROOT.equals(parentId) && parent == null) {
            return FolderChange.refused(Outcome.PARENT_NOT_FOUND);
        }
        if (parent != null && (parent.role().mail() != role.mail() || !parent.owned())) {
            return FolderChange.refused(Outcome.SPECIAL_FOLDER);
        }
        if (nameTaken(live, parentId, name, role.mail(), null)) {
            return FolderChange.refused(Outcome.EXISTS);
        }
        String serverId;
        if (role.mail()) {
            serverId = String.valueOf(mailFolders.create(userId, mail, parent == null ? null : Long.valueOf(parentId), name));
        } else {
            Folder folder = new Folder(em.find(User.class, userId), parent == null ? null : em.find(Folder.class, Long.valueOf(parentId)),
                    name, contentType(role), false);
            em.persist(folder);
            em.flush();
            serverId = String.valueOf(folder.getId());
        }
        watchers.hierarchyChanged(em.find(User.class, userId));
        Map<String, HierarchyFolder> after = new LinkedHashMap<>(basis.get());
        after.put(serverId, new HierarchyFolder(serverId, parentId, role, name, true));
        return new FolderChange(Outcome.OK, hierarchy.record(deviceId, syncKey, after), serverId);
    }

    public FolderChange update(long deviceId, long userId, MailLogin mail, String syncKey, String serverId,
                               String parentId, String name) {
        Optional<Map<String, HierarchyFolder>> basis = hierarchy.folders(deviceId, syncKey);
        if (basis.isEmpty()) {
            return FolderChange.refused(Outcome.INVALID_KEY);
        }
        if (!validName(name)) {
            return FolderChange.refused(Outcome.INVALID_REQUEST);
        }
        Map<String, HierarchyFolder> live = tree.current(userId, mail, em.find(Device.class, deviceId).getDeviceType());
        HierarchyFolder folder = live.get(serverId);
        if (folder == null) {
            return FolderChange.refused(Outcome.NOT_FOUND);
        }
        if (folder.role().special() || !folder.owned()) {
            return FolderChange.refused(Outcome.SPECIAL_FOLDER);
        }
        HierarchyFolder parent = live.get(parentId);
        if (!HierarchyFolder.ROOT.equals(parentId) && (parent == null || descendants(live, serverId).contains(parentId))) {
            return FolderChange.refused(Outcome.PARENT_NOT_FOUND);
        }
        if (parent != null && (parent.role().mail() != folder.role().mail() || !parent.owned())) {
            return FolderChange.refused(Outcome.SPECIAL_FOLDER);
        }
        if (nameTaken(live, parentId, name, folder.role().mail(), serverId)) {
            return FolderChange.refused(Outcome.EXISTS);
        }
        if (folder.role().mail()) {
            mailFolders.rename(userId, mail, Long.parseLong(serverId), parent == null ? null : Long.valueOf(parentId), name);
            watchers.hierarchyChanged(em.find(User.class, userId));
        } else {
            Folder pim = em.find(Folder.class, Long.valueOf(serverId));
            pim.moveTo(parent == null ? null : em.find(Folder.class, Long.valueOf(parentId)), name);
            watchers.hierarchyChanged(pim);
        }
        Map<String, HierarchyFolder> after = new LinkedHashMap<>(basis.get());
        after.put(serverId, new HierarchyFolder(serverId, parentId, folder.role(), name, true));
        return new FolderChange(Outcome.OK, hierarchy.record(deviceId, syncKey, after), null);
    }

    public FolderChange delete(long deviceId, long userId, MailLogin mail, String syncKey, String serverId) {
        Optional<Map<String, HierarchyFolder>> basis = hierarchy.folders(deviceId, syncKey);
        if (basis.isEmpty()) {
            return FolderChange.refused(Outcome.INVALID_KEY);
        }
        Map<String, HierarchyFolder> live = tree.current(userId, mail, em.find(Device.class, deviceId).getDeviceType());
        HierarchyFolder folder = live.get(serverId);
        if (folder == null) {
            return FolderChange.refused(Outcome.NOT_FOUND);
        }
        if (folder.role().special() || !folder.owned()) {
            return FolderChange.refused(Outcome.SPECIAL_FOLDER);
        }
        Set<String> gone = descendants(live, serverId);
        gone.add(serverId);
        if (folder.role().mail()) {
            mailFolders.delete(userId, mail, Long.parseLong(serverId));
            watchers.hierarchyChanged(em.find(User.class, userId));
        } else {
            gone.stream().map(Long::valueOf).sorted((a, b) -> Long.compare(b, a))
                    .map(id -> em.find(Folder.class, id)).filter(java.util.Objects::nonNull).forEach(doomed -> {
                        watchers.hierarchyChanged(doomed);
                        em.remove(doomed);
                    });
        }
        Map<String, HierarchyFolder> after = new LinkedHashMap<>(basis.get());
        after.keySet().removeAll(gone);
        return new FolderChange(Outcome.OK, hierarchy.record(deviceId, syncKey, after), null);
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_NAME && name.chars().noneMatch(c -> c < 0x20);
    }

    private static boolean nameTaken(Map<String, HierarchyFolder> live, String parentId, String name, boolean mail, String except) {
        return live.values().stream().anyMatch(f -> f.parentId().equals(parentId) && f.role().mail() == mail
                && f.displayName().equalsIgnoreCase(name) && !f.serverId().equals(except));
    }

    private static Set<String> descendants(Map<String, HierarchyFolder> live, String serverId) {
        Set<String> found = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (HierarchyFolder f : live.values()) {
                if ((f.parentId().equals(serverId) || found.contains(f.parentId())) && found.add(f.serverId())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    private static ContentType contentType(FolderRole role) {
        return switch (role) {
            case CONTACTS -> ContentType.CONTACTS;
            case CALENDAR -> ContentType.CALENDAR;
            case TASKS -> ContentType.TASKS;
            default -> throw new IllegalArgumentException(role + " is not a PIM folder");
        };
    }
}
