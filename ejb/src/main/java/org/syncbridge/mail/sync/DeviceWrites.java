package org.syncbridge.mail.sync;

import jakarta.mail.Flags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the device itself did to a mail folder in one Sync: none of it is sent back to it. */
final class DeviceWrites {
    final Map<Long, Flags> flags = new HashMap<>();
    final List<Long> removed = new ArrayList<>();
    final Map<Long, Flags> added = new HashMap<>();
    /** Old UID to new UID of rewritten drafts. */
    final Map<Long, Long> renamed = new HashMap<>();
    /** ClientId to ServerId of the drafts added in this Sync. */
    final Map<String, String> draftsAdded = new HashMap<>();
    /** When the request repeats one already answered: the drafts it added then, and the UIDs of their ServerIds. */
    private Map<String, String> answered = Map.of();
    private ServerIds answeredIds = ServerIds.PLAIN;

    void replay(Map<String, String> drafts, ServerIds ids) {
        answered = drafts;
        answeredIds = ids;
    }

    /** The draft added under {@code clientId} when this request was first answered, now held again. */
    java.util.Optional<String> earlierDraft(String clientId) {
        String serverId = answered.get(clientId);
        if (serverId == null) {
            return java.util.Optional.empty();
        }
        answeredIds.uid(serverId).ifPresent(uid -> added.put(uid, new Flags(Flags.Flag.DRAFT)));
        draftsAdded.put(clientId, serverId);
        return java.util.Optional.of(serverId);
    }

    /** The mail it wrote: a flag change seen on it in this Sync is its own. */
    java.util.Set<Long> touched() {
        java.util.Set<Long> all = new java.util.HashSet<>(flags.keySet());
        all.addAll(added.keySet());
        all.addAll(renamed.values());
        return all;
    }

    /** The basis with what the device did itself: mail it deleted is gone, drafts it wrote are held, flags it set are known. */
    MailSnapshot applyTo(MailSnapshot from, boolean tracksFlags) {
        if (flags.isEmpty() && removed.isEmpty() && added.isEmpty() && renamed.isEmpty()) {
            return from;
        }
        TreeMap<Long, Integer> known = !tracksFlags ? null : new TreeMap<>(from.flagsOrEmpty());
        UidSet held = from.held().without(UidSet.of(removed.stream().mapToLong(Long::longValue).toArray()));
        ServerIds ids = from.ids();
        for (Map.Entry<Long, Long> rename : renamed.entrySet()) {
            ids = ids.renamed(rename.getKey(), rename.getValue());
            held = held.without(rename.getKey()).with(rename.getValue());
        }
        for (Long uid : added.keySet()) {
            held = held.with(uid);
        }
        if (known != null) {
            flags.forEach((uid, f) -> known.put(uid, MessageFlags.of(f)));
            removed.forEach(known::remove);
            renamed.forEach((old, now) -> known.put(now, known.getOrDefault(old, 0)));
            renamed.keySet().forEach(known::remove);
            added.forEach((uid, f) -> known.put(uid, MessageFlags.of(f) | MessageFlags.SEEN));
        }
        return new MailSnapshot(from.uidValidity(), from.modseq(), from.cutoff(), from.complete(), held, known, ids.keepOnly(held))
                .seeing(from.seen());
    }
}
