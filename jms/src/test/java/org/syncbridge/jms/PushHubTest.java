package org.syncbridge.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PushHubTest {
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    final PushHub hub = new PushHub(timers);
    final List<String> answers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    Waiter waiter(String name) {
        return new Waiter() {
            public void changed(Set<String> keys) {
                answers.add(name + " changed " + keys);
            }

            public void expired() {
                answers.add(name + " expired");
            }

            public void replaced() {
                answers.add(name + " replaced");
            }
        };
    }

    @Test
    void aNoticeWakesTheWatchersOfItsFolderOnceAndOnlyThem() {
        hub.park(1, Set.of(WatchKeys.pimFolder(10), WatchKeys.hierarchy(7)), Duration.ofMinutes(5), waiter("a"));
        hub.park(2, Set.of(WatchKeys.pimFolder(11)), Duration.ofMinutes(5), waiter("b"));
        hub.notice(ChangeNotice.items(1, Set.of(7L), WatchKeys.pimFolder(10)));
        hub.notice(ChangeNotice.hierarchy(1, Set.of(7L)));
        assertEquals(List.of("a changed [pim/10]"), answers);
        assertEquals(1, hub.parked());
    }

    @Test
    void aNewerRequestOfTheDeviceEndsTheOlderAndTheHeartbeatEndsTheRest() throws Exception {
        hub.park(1, Set.of(WatchKeys.pimFolder(10)), Duration.ofMinutes(5), waiter("first"));
        hub.park(1, Set.of(WatchKeys.pimFolder(10)), Duration.ofMillis(50), waiter("second"));
        assertEquals(List.of("first replaced"), answers);
        Thread.sleep(500);
        assertEquals(List.of("first replaced", "second expired"), answers);
        assertEquals(0, hub.parked());
        hub.notice(ChangeNotice.items(1, Set.of(7L), WatchKeys.pimFolder(10)));
        assertEquals(2, answers.size(), "an ended watch is not answered again");
    }

    @Test
    void aHierarchyNoticeWakesEachUsersWatch() {
        hub.park(1, Set.of(WatchKeys.hierarchy(7)), Duration.ofMinutes(5), waiter("u7"));
        hub.park(2, Set.of(WatchKeys.hierarchy(8)), Duration.ofMinutes(5), waiter("u8"));
        hub.notice(ChangeNotice.hierarchy(1, Set.of(7L, 8L)));
        assertTrue(answers.containsAll(List.of("u7 changed [hierarchy/7]", "u8 changed [hierarchy/8]")));
        assertEquals(0, hub.parked());
    }

    /**
     * Like the container's managed scheduler: its task wrapper (ManagedFutureTask) keeps the scheduled Runnable after
     * cancel, and the cancelled task stays queued until its time. (A plain ScheduledThreadPoolExecutor drops the Runnable.)
     */
    static final class KeepingScheduler extends ScheduledThreadPoolExecutor {
        final List<Runnable> kept = new CopyOnWriteArrayList<>();

        KeepingScheduler() {
            super(1);
        }

        @Override
        protected <V> RunnableScheduledFuture<V> decorateTask(Runnable runnable, RunnableScheduledFuture<V> task) {
            kept.add(runnable);
            return task;
        }
    }

    @Test
    void anAnsweredWatchLeavesNothingOfItsRequestInTheTimerQueue() throws Exception {
        KeepingScheduler keeping = new KeepingScheduler();
        try {
            PushHub hub = new PushHub(keeping);
            Waiter request = waiter("a");
            WeakReference<Waiter> answered = new WeakReference<>(request);
            hub.park(1, Set.of(WatchKeys.pimFolder(10)), Duration.ofHours(1), request);
            request = null;
            hub.notice(ChangeNotice.items(1, Set.of(7L), WatchKeys.pimFolder(10)));
            assertEquals(List.of("a changed [pim/10]"), answers);
            assertEquals(1, keeping.kept.size(), "the cancelled heartbeat timer's task is still held");
            for (int i = 0; i < 100 && answered.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertNull(answered.get(), "the held timer task does not keep the answered request for the rest of its heartbeat");
        } finally {
            keeping.shutdownNow();
        }
    }
}
