package org.syncbridge.jms;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A committed change that waiting requests may care about: what kind, in which context, which users it
 * concerns, and where (a folder's watch key for item changes, a device for device changes).
 */
public record ChangeNotice(Kind kind, long contextId, Set<Long> users, String where) {

    public enum Kind {
        /** Items in a folder changed; {@code where} is the folder's watch key. */
        ITEMS,
        /** The users' folder hierarchies changed. */
        HIERARCHY,
        /** Something concerning devices changed (a wipe, a block, the policy); {@code where} is their watch key. */
        DEVICE
    }

    public ChangeNotice {
        users = Set.copyOf(users);
    }

    public static ChangeNotice items(long contextId, Set<Long> users, String folderKey) {
        return new ChangeNotice(Kind.ITEMS, contextId, users, folderKey);
    }

    public static ChangeNotice hierarchy(long contextId, Set<Long> users) {
        return new ChangeNotice(Kind.HIERARCHY, contextId, users, "");
    }

    public static ChangeNotice device(long contextId, long userId, long deviceId) {
        return new ChangeNotice(Kind.DEVICE, contextId, Set.of(userId), WatchKeys.device(deviceId));
    }

    public static ChangeNotice devicesOf(long contextId) {
        return new ChangeNotice(Kind.DEVICE, contextId, Set.of(), WatchKeys.devicesOf(contextId));
    }

    /** The watch keys of the requests this change wakes. */
    public Set<String> watchKeys() {
        return switch (kind) {
            case ITEMS, DEVICE -> Set.of(where);
            case HIERARCHY -> users.stream().map(WatchKeys::hierarchy).collect(Collectors.toSet());
        };
    }

    /** The users as the message carries them: ids joined by commas. */
    String usersText() {
        return users.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static Set<Long> usersOf(String text) {
        Set<Long> users = new LinkedHashSet<>();
        Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).forEach(s -> users.add(Long.parseLong(s.trim())));
        return users;
    }
}
