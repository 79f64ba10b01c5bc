package org.syncbridge.bench.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.syncbridge.bench.BenchContext;
import org.syncbridge.bench.ping.Agents;

/**
 * The users and devices of the parked-Ping scenario. Device n belongs to user n / perUser, and all devices of a
 * user live in client process (user % processes), so a user's password is verified once per process and a change
 * in a user's folder wakes devices of one process.
 */
final class PingPopulation {
    /** Users are made through the admin API, which hashes each password slowly: a few at a time keep both cores busy. */
    private static final int USER_THREADS = 3;

    private final BenchContext bench;
    private final int perUser;
    private final int processes;
    private final List<BenchContext.User> users = new ArrayList<>();
    private int handedOut;

    PingPopulation(BenchContext bench, int perUser, int processes) {
        this.bench = bench;
        this.perUser = perUser;
        this.processes = processes;
    }

    static String deviceId(int device, int perUser) {
        return String.format(Locale.ROOT, "PB%05dD%04d", device / perUser, device % perUser);
    }

    /** How many of the first {@code devices} devices each process holds. */
    static int[] perProcess(int devices, int perUser, int processes) {
        int[] counts = new int[processes];
        for (int user = 0; user * perUser < devices; user++) {
            counts[user % processes] += Math.min(perUser, devices - user * perUser);
        }
        return counts;
    }

    static int usersFor(int devices, int perUser) {
        return (devices + perUser - 1) / perUser;
    }

    int users() {
        return users.size();
    }

    BenchContext.User user(int index) {
        return users.get(index);
    }

    /** Makes the users the first {@code devices} devices need, several at a time; returns how long it took. */
    Duration ensureUsers(int devices) {
        int needed = usersFor(devices, perUser);
        if (needed <= users.size()) {
            return Duration.ZERO;
        }
        long start = System.nanoTime();
        int from = users.size();
        ExecutorService pool = Executors.newFixedThreadPool(USER_THREADS);
        try {
            List<Future<BenchContext.User>> made = new ArrayList<>();
            for (int u = from; u < needed; u++) {
                String login = String.format(Locale.ROOT, "ping-%05d", u);
                made.add(pool.submit(() -> bench.newUser(login)));
            }
            for (Future<BenchContext.User> user : made) {
                bench.deadline().check("making users for parked Pings");
                users.add(user.get());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Gives the client processes devices up to number {@code devices} (exclusive); returns the processes that got some. */
    Set<Integer> handOut(Agents agents, int devices) {
        Set<Integer> used = new LinkedHashSet<>();
        for (int n = handedOut; n < devices; n++) {
            int user = n / perUser;
            int process = user % processes;
            BenchContext.User u = users.get(user);
            agents.device(process, u.login(), u.password(), deviceId(n, perUser));
            used.add(process);
        }
        handedOut = Math.max(handedOut, devices);
        return used;
    }

    /** The DeviceIds of user {@code user}'s devices handed out so far. */
    List<String> devicesOf(int user) {
        List<String> ids = new ArrayList<>();
        for (int n = user * perUser; n < Math.min(handedOut, (user + 1) * perUser); n++) {
            ids.add(deviceId(n, perUser));
        }
        return ids;
    }
}
