package org.syncbridge.jms;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where waiting requests park, on this node: no thread is held while they wait. A watch is found by the
 * keys it watches when a change notice arrives, and by its device when a newer request of the same
 * device replaces it; a timer ends it when its heartbeat runs out.
 */
@ApplicationScoped
public class PushHub {
    private final ConcurrentHashMap<String, Set<Watch>> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Watch> byDevice = new ConcurrentHashMap<>();

    /**
     * One scheduled expiry per parked request, no thread each, on one timer thread of the container's factory. Not
     * the container's managed scheduler: it keeps a cancelled task until its time, with the context it captured from
     * the request that parked (RESTEasy's, i.e. the whole request), so every woken Ping stayed in memory for the rest
     * of its heartbeat. This scheduler drops a cancelled timer at once.
     */
    ScheduledExecutorService timers;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    /** Where answers are built (a woken Sync runs its sync there), off the topic listener's one thread. */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor answers;

    /** Tells the other nodes of a device's new request; absent outside a container. */
    @Inject
    ChangeNotices notices;

    /** This node, as its news of device requests names it. */
    private final String node = UUID.randomUUID().toString();

    PushHub() {
    }

    @PostConstruct
    void startTimers() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true);
        timers = scheduler;
    }

    @PreDestroy
    void stopTimers() {
        timers.shutdownNow(); // the undeployment answers nothing more; clients see their connections close
    }

    /** A hub with its own timers, answering on the thread that ends a watch, outside a container. */
    PushHub(ScheduledExecutorService timers) {
        this.timers = timers;
        this.answers = Runnable::run;
    }

    /** Parks a request of {@code deviceId} watching {@code keys} for at most {@code heartbeat}; an older one of the device ends. */
    public Watch park(long deviceId, Set<String> keys, Duration heartbeat, Waiter waiter) {
        Watch watch = new Watch(deviceId, keys, waiter, answers);
        for (String key : watch.keys()) {
            byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(watch);
        }
        Watch older = byDevice.put(deviceId, watch);
        watch.expireWith(timers.schedule(watch.expiryTask(), heartbeat.toMillis(), TimeUnit.MILLISECONDS), () -> forget(watch));
        if (older != null) {
            older.replace();
        }
        announce(deviceId);
        return watch;
    }

    /** A newer request of the device arrived here: its parked request ends, on this node and on the others. */
    public void replace(long deviceId) {
        replaceHere(deviceId);
        announce(deviceId);
    }

    /** Another node's news: a request of the device arrived at {@code origin}. */
    void requestArrivedAt(long deviceId, String origin) {
        if (!node.equals(origin)) {
            replaceHere(deviceId);
        }
    }

    private void replaceHere(long deviceId) {
        Watch older = byDevice.get(deviceId);
        if (older != null) {
            older.replace();
        }
    }

    private void announce(long deviceId) {
        if (notices != null) {
            notices.requestArrived(deviceId, node);
        }
    }

    /** Wakes every parked request that watches what the notice points at. */
    public void notice(ChangeNotice notice) {
        for (String key : notice.watchKeys()) {
            Set<Watch> watches = byKey.get(key);
            if (watches != null) {
                for (Watch watch : watches.toArray(Watch[]::new)) {
                    watch.wake(Set.of(key));
                }
            }
        }
    }

    /** How many requests wait here now. */
    public int parked() {
        return byDevice.size();
    }

    private void forget(Watch watch) {
        byDevice.remove(watch.deviceId(), watch);
        for (String key : watch.keys()) {
            byKey.computeIfPresent(key, (k, set) -> {
                set.remove(watch);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
