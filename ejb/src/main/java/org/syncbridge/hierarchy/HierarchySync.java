package org.syncbridge.hierarchy;

import java.util.List;

/**
 * The answer to a hierarchy sync: the key to use next and what changed since the presented key.
 * {@code valid} is false for a key this device was never given (the client must start over).
 */
public record HierarchySync(boolean valid, String syncKey, List<HierarchyFolder> added, List<HierarchyFolder> changed,
                            List<String> deleted) {

    static HierarchySync invalidKey() {
        return new HierarchySync(false, null, List.of(), List.of(), List.of());
    }

    public int count() {
        return added.size() + changed.size() + deleted.size();
    }
}
