package org.syncbridge.jms;

/** The names under which waiting requests watch something and change notices point at it. */
public final class WatchKeys {
    private WatchKeys() {
    }

    /** A contacts, calendar or tasks folder of the PIM store, whoever sees it. */
    public static String pimFolder(long folderId) {
        return "pim/" + folderId;
    }

    /** A user's mail folder, by its ServerId. */
    public static String mailFolder(long userId, String folderId) {
        return "mail/" + userId + "/" + folderId;
    }

    /** A user's folder hierarchy. */
    public static String hierarchy(long userId) {
        return "hierarchy/" + userId;
    }

    /** What concerns one device: a wipe, a block. */
    public static String device(long deviceId) {
        return "device/" + deviceId;
    }

    /** What concerns every device of a context: its policy. */
    public static String devicesOf(long contextId) {
        return "devices-of/" + contextId;
    }

    public static boolean isHierarchy(String key) {
        return key.startsWith("hierarchy/");
    }
}
