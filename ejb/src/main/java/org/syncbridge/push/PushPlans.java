package org.syncbridge.push;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.syncbridge.config.SystemSettings;
import org.syncbridge.jms.WatchKeys;
import org.syncbridge.persistence.device.Device;
import org.syncbridge.persistence.folder.Folder;
import org.syncbridge.persistence.mail.MailFolder;
import org.syncbridge.persistence.sync.CollectionState;
import org.syncbridge.pim.PimStore;

/**
 * Decides what a Ping watches: checks the heartbeat and the number of collections against the limits
 * (WildFly system properties syncbridge.heartbeat.min-seconds, max-seconds, syncbridge.ping.max-folders), remembers
 * them for the device's next empty Ping, maps each collection to its watch key, and finds the collections
 * that changed since the device last synced them.
 */
@Stateless
public class PushPlans {
    public static final int MIN_HEARTBEAT = SystemSettings.intValue("syncbridge.heartbeat.min-seconds", 60);
    public static final int MAX_HEARTBEAT = SystemSettings.intValue("syncbridge.heartbeat.max-seconds", 3540);
    public static final int MAX_COLLECTIONS = SystemSettings.intValue("syncbridge.ping.max-folders", 300);

    @PersistenceContext
    EntityManager em;

    @EJB
    PimStore store;

    /** The plan for a Ping; null heartbeat or collections repeat the device's last Ping. */
    public PushPlan plan(long deviceId, long userId, Integer heartbeat, List<String> collections) {
        Device device = em.find(Device.class, deviceId);
        Integer seconds = heartbeat != null ? heartbeat : device.getPingHeartbeat();
        List<String> ids = collections != null ? collections
                : device.getPingCollections() == null ? null : Arrays.stream(device.getPingCollections().split(",")).filter(s -> !s.isEmpty()).toList();
        if (seconds == null || ids == null || ids.isEmpty()) {
            return PushPlan.refused(PushPlan.Outcome.NOTHING_TO_WATCH, 0);
        }
        if (seconds < MIN_HEARTBEAT || seconds > MAX_HEARTBEAT) {
            return PushPlan.refused(PushPlan.Outcome.HEARTBEAT_OUT_OF_BOUNDS, seconds < MIN_HEARTBEAT ? MIN_HEARTBEAT : MAX_HEARTBEAT);
        }
        if (ids.size() > MAX_COLLECTIONS) {
            return PushPlan.refused(PushPlan.Outcome.TOO_MANY_COLLECTIONS, MAX_COLLECTIONS);
        }
        device.rememberPing(seconds, String.join(",", ids));
        Optional<PushPlan> plan = watch(deviceId, userId, ids, seconds);
        return plan.orElse(PushPlan.refused(PushPlan.Outcome.HIERARCHY_CHANGED, 0));
    }

    /**
     * A plan to watch {@code ids} (and the user's hierarchy) for {@code seconds}, with those that changed since
     * the device last synced them; empty when one of them is unknown to the user.
     */
    public Optional<PushPlan> watch(long deviceId, long userId, List<String> ids, int seconds) {
        Map<String, String> watched = new LinkedHashMap<>();
        Set<String> pending = new LinkedHashSet<>();
        for (String id : ids) {
            String key = watchKey(deviceId, userId, id, pending);
            if (key == null) {
                return Optional.empty();
            }
            watched.put(key, id);
        }
        watched.put(WatchKeys.hierarchy(userId), null);
        Device device = em.find(Device.class, deviceId);
        watched.put(WatchKeys.device(deviceId), null);
        watched.put(WatchKeys.devicesOf(device.getUser().getContext().getId()), null);
        return Optional.of(new PushPlan(PushPlan.Outcome.PARK, 0, seconds, watched, pending));
    }

    /** The watch key of a collection the user sees, noting it as pending when it changed since the device's last sync of it. */
    private String watchKey(long deviceId, long userId, String id, Set<String> pending) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
        MailFolder mail = em.find(MailFolder.class, number);
        if (mail != null && mail.getUserId() == userId) {
            return WatchKeys.mailFolder(userId, id);
        }
        if (!store.access(userId, number).readable()) {
            return null;
        }
        CollectionState state = em.find(CollectionState.class, new CollectionState.Key(deviceId, id));
        if (state != null && em.find(Folder.class, number).getModseq() > state.getHighWater()) {
            pending.add(id);
        }
        return WatchKeys.pimFolder(number);
    }
}
