package org.syncbridge.mail.sync;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ServerIds a device knows mail by. Normally a mail's ServerId is its IMAP UID. When a mailbox comes back
 * with a new UIDVALIDITY, mails found again keep the ServerId the device has (an alias of their new UID), and
 * every other mail's ServerId is its new UID plus an offset above all ServerIds handed out before, so the two
 * never meet. Written as "offset;uid:serverId:count,..." where a run maps count consecutive UIDs to consecutive
 * ServerIds (a mailbox copied back in order is one run).
 */
public final class ServerIds {
    public static final ServerIds PLAIN = new ServerIds(0, new TreeMap<>());

    private final long offset;
    /** IMAP UID to the ServerId the device knows it by. */
    private final TreeMap<Long, Long> aliases;
    private final TreeMap<Long, Long> byServerId = new TreeMap<>();

    ServerIds(long offset, TreeMap<Long, Long> aliases) {
        this.offset = offset;
        this.aliases = aliases;
        aliases.forEach((uid, id) -> byServerId.put(id, uid));
    }

    public String serverId(long uid) {
        Long alias = aliases.get(uid);
        return String.valueOf(alias != null ? alias : uid + offset);
    }

    /** The UID a ServerId stands for, if it stands for one. */
    public Optional<Long> uid(String serverId) {
        Optional<Long> id = MailAccount.number(serverId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Long aliased = byServerId.get(id.get());
        if (aliased != null) {
            return Optional.of(aliased);
        }
        long uid = id.get() - offset;
        return uid > 0 && !aliases.containsKey(uid) ? Optional.of(uid) : Optional.empty();
    }

    long offset() {
        return offset;
    }

    boolean plain() {
        return offset == 0 && aliases.isEmpty();
    }

    /** The ServerIds after a new UIDVALIDITY: the found mails' old ServerIds, and an offset above every ServerId in use. */
    static ServerIds after(Map<Long, Long> newUidToServerId, long highestServerIdInUse) {
        return new ServerIds(highestServerIdInUse, new TreeMap<>(newUidToServerId));
    }

    String encode() {
        StringBuilder s = new StringBuilder().append(offset).append(';');
        long[] run = null; // first uid, first id, count
        for (Map.Entry<Long, Long> e : aliases.entrySet()) {
            if (run != null && e.getKey() == run[0] + run[2] && e.getValue() == run[1] + run[2]) {
                run[2]++;
                continue;
            }
            appendRun(s, run);
            run = new long[] {e.getKey(), e.getValue(), 1};
        }
        appendRun(s, run);
        return s.toString();
    }

    private static void appendRun(StringBuilder s, long[] run) {
        if (run != null) {
            if (s.charAt(s.length() - 1) != ';') {
                s.append(',');
            }
            s.append(run[0]).append(':').append(run[1]).append(':').append(run[2]);
        }
    }

    static ServerIds decode(String text) {
        int semi = text.indexOf(';');
        TreeMap<Long, Long> aliases = new TreeMap<>();
        String rest = text.substring(semi + 1);
        if (!rest.isEmpty()) {
            for (String run : rest.split(",")) {
                String[] parts = run.split(":");
                long uid = Long.parseLong(parts[0]);
                long id = Long.parseLong(parts[1]);
                long count = Long.parseLong(parts[2]);
                for (long i = 0; i < count; i++) {
                    aliases.put(uid + i, id + i);
                }
            }
        }
        return new ServerIds(Long.parseLong(text.substring(0, semi)), aliases);
    }

    /** The ServerIds after a mail was rewritten under a new UID (an edited draft): the device keeps its ServerId. */
    ServerIds renamed(long oldUid, long newUid) {
        TreeMap<Long, Long> next = new TreeMap<>(aliases);
        next.remove(oldUid);
        next.put(newUid, Long.parseLong(serverId(oldUid)));
        return new ServerIds(offset, next);
    }

    /** Drops aliases of mails the device no longer holds. */
    ServerIds keepOnly(UidSet held) {
        if (aliases.isEmpty()) {
            return this;
        }
        TreeMap<Long, Long> kept = new TreeMap<>();
        aliases.forEach((uid, id) -> {
            if (held.contains(uid)) {
                kept.put(uid, id);
            }
        });
        return kept.size() == aliases.size() ? this : new ServerIds(offset, kept);
    }
}
