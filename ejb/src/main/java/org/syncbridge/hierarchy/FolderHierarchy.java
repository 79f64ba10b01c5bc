package org.syncbridge.hierarchy;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.syncbridge.persistence.device.Device;
import org.syncbridge.persistence.hierarchy.HierarchyState;
import org.syncbridge.mail.MailLogin;

/**
 * Folder-hierarchy sync with sync keys that keep their promise: the folders behind the current key
 * and the previous one are stored, so a repeated previous key is answered again instead of forcing
 * the device to start over, and changes made elsewhere arrive as Add, Update and Delete.
 */
@Stateless
public class FolderHierarchy {

    @PersistenceContext
    EntityManager em;

    @EJB
    FolderTree tree;

    /** The folders a device was promised under a key it presents, and that key's number. */
    record Basis(int key, Map<String, HierarchyFolder> folders, String text) {
    }

    public HierarchySync sync(long deviceId, long userId, MailLogin mail, String presentedKey) {
        HierarchyState state = em.find(HierarchyState.class, deviceId);
        Optional<Basis> basis = basis(state, presentedKey);
        if (basis.isEmpty()) {
            return HierarchySync.invalidKey();
        }
        Map<String, HierarchyFolder> live = tree.current(userId, mail, em.find(Device.class, deviceId).getDeviceType());
        Basis from = basis.get();
        List<HierarchyFolder> added = new ArrayList<>();
        List<HierarchyFolder> changed = new ArrayList<>();
        for (HierarchyFolder f : HierarchyFolder.parentsFirst(live)) {
            HierarchyFolder before = from.folders().get(f.serverId());
            if (before == null) {
                added.add(f);
            } else if (!before.equals(f)) {
                changed.add(f);
            }
        }
        List<String> deleted = from.folders().keySet().stream().filter(id -> !live.containsKey(id)).toList();
        boolean current = state != null && from.key() == state.getSyncKey() && from.key() != 0;
        if (current && added.isEmpty() && changed.isEmpty() && deleted.isEmpty()) {
            return new HierarchySync(true, String.valueOf(from.key()), added, changed, deleted);
        }
        int newKey = from.key() + 1;
        advance(state, deviceId, newKey, HierarchyFolder.encode(live.values()), from);
        return new HierarchySync(true, String.valueOf(newKey), added, changed, deleted);
    }

    /**
     * Checks a key presented with a folder command and returns the folders it stands for; the
     * command then records its own change with {@link #record}.
     */
    public Optional<Map<String, HierarchyFolder>> folders(long deviceId, String presentedKey) {
        var state = em.find(HierarchyState.class, deviceId);
        return basis(state, presentedKey).filter(b -> b.key() != 0).map(Basis::folders);
    }

    /** Records a change the device itself made: the device knows it, so it is not sent back. */
    public String record(long deviceId, String presentedKey, Map<String, HierarchyFolder> after) {
        var state = em.find(HierarchyState.class, deviceId);
        Basis from = basis(state, presentedKey).orElseThrow();
        int newKey = from.key() + 1;
        advance(state, deviceId, newKey, HierarchyFolder.encode(after.values()), from);
        return String.valueOf(newKey);
    }

    private void advance(HierarchyState state, long deviceId, int newKey,
                         String folders, Basis from) {
        if (state == null) {
            state = new HierarchyState(deviceId);
            state.advance(newKey, folders, null, null);
            em.persist(state);
        } else if (from.key() == 0) {
            state.advance(newKey, folders, null, null); // a new start forgets the old keys
        } else {
            state.advance(newKey, folders, from.key(), from.text());
        }
    }

    private static Optional<Basis> basis(HierarchyState state, String presentedKey) {
        int key;
        try {
            key = Integer.parseInt(presentedKey == null ? "" : presentedKey.trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (key == 0) {
            return Optional.of(new Basis(0, Map.of(), null));
        }
        if (state == null) {
            return Optional.empty();
        }
        if (key == state.getSyncKey()) {
            return Optional.of(new Basis(key, HierarchyFolder.decode(state.getFolders()), state.getFolders()));
        }
        if (state.getPreviousSyncKey() != null && key == state.getPreviousSyncKey()) {
            return Optional.of(new Basis(key, HierarchyFolder.decode(state.getPreviousFolders()), state.getPreviousFolders()));
        }
        return Optional.empty();
    }
}
