package org.syncbridge.bench.ping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The phones of one client process. Devices are set up in batches (one per PARK), at most {@code concurrency}
 * at a time. A user's first device goes alone until its Ping is sent: the server verifies a password with a slow
 * hash once and then remembers it briefly, so the user's other devices must not all pay for it at once; and the
 * server's first FolderSync of a new user creates the user's mail folder rows without a lock, so concurrent first
 * FolderSyncs of one user fail with HTTP 500 (a unique key violation; see docs/performance.md).
 * Everything the phones report goes out as one line each ({@link AgentLine}).
 */
final class Fleet implements PingPhone.Events {
    private final EasConnections connections;
    private final String version;
    private final int heartbeat;
    private final int concurrency;
    private final Consumer<String> out;
    private final List<PhoneSpec> staged = new ArrayList<>();
    private final Deque<PhoneSpec> queue = new ArrayDeque<>();
    private final Set<String> verifiedUsers = new HashSet<>();
    private final Set<String> pioneering = new HashSet<>();
    private final Map<String, List<PhoneSpec>> waiting = new HashMap<>();
    private final List<PingPhone> phones = new ArrayList<>();
    private int settingUp;
    private int batchLeft;
    private int batchParked;
    private int batchFailed;

    Fleet(EasConnections connections, String version, int heartbeat, int concurrency, Consumer<String> out) {
        this.connections = connections;
        this.version = version;
        this.heartbeat = heartbeat;
        this.concurrency = concurrency;
        this.out = out;
    }

    synchronized void add(PhoneSpec spec) {
        staged.add(spec);
    }

    /** Sets up and parks every device added since the last batch; DONE follows when each is parked or failed. */
    synchronized void park() {
        if (batchLeft > 0) {
            throw new IllegalStateException("a batch is still being set up");
        }
        batchLeft = staged.size();
        batchParked = 0;
        batchFailed = 0;
        queue.addAll(staged);
        staged.clear();
        if (batchLeft == 0) {
            out.accept(AgentLine.done(0, 0));
        }
        fill();
    }

    private void fill() {
        while (settingUp < concurrency && !queue.isEmpty()) {
            PhoneSpec spec = queue.poll();
            if (!verifiedUsers.contains(spec.login())) {
                if (pioneering.contains(spec.login())) {
                    waiting.computeIfAbsent(spec.login(), k -> new ArrayList<>()).add(spec);
                    continue;
                }
                pioneering.add(spec.login());
            }
            settingUp++;
            PingPhone phone = new PingPhone(spec, connections.host(), version, heartbeat, this);
            phones.add(phone);
            connections.connect(phone);
        }
    }

    /** The user's first device is set up (or failed): its other devices may start. */
    private void release(String login) {
        if (verifiedUsers.add(login)) {
            pioneering.remove(login);
            List<PhoneSpec> held = waiting.remove(login);
            if (held != null) {
                for (int i = held.size() - 1; i >= 0; i--) {
                    queue.addFirst(held.get(i));
                }
            }
        }
    }

    @Override
    public synchronized void parked(PingPhone phone, long setupNanos) {
        out.accept(AgentLine.parked(phone.spec().deviceId(), setupNanos));
        release(phone.spec().login());
        batchParked++;
        setupEnded();
    }

    @Override
    public synchronized void failed(PingPhone phone, String reason) {
        out.accept(AgentLine.failed(phone.spec().deviceId(), reason));
        release(phone.spec().login());
        batchFailed++;
        setupEnded();
    }

    private void setupEnded() {
        settingUp--;
        batchLeft--;
        if (batchLeft == 0) {
            out.accept(AgentLine.done(batchParked, batchFailed));
        }
        fill();
    }

    @Override
    public void woke(PingPhone phone, long atNanos) {
        out.accept(AgentLine.woke(phone.spec().deviceId(), atNanos));
    }

    @Override
    public void reparked(PingPhone phone, int items) {
        out.accept(AgentLine.reparked(phone.spec().deviceId(), items));
    }

    @Override
    public void ended(PingPhone phone, String reason) {
        out.accept(AgentLine.ended(phone.spec().deviceId(), reason));
    }

    /** Closes every connection on purpose (nothing is reported for them). */
    synchronized void closeAll() {
        queue.clear();
        phones.forEach(PingPhone::close);
    }
}
