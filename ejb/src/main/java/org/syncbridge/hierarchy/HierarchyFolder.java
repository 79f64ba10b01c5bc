package org.syncbridge.hierarchy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A folder as a device's hierarchy shows it.
 *
 * @param parentId the parent's serverId, or "0" at the top
 * @param owned    the user's own folder; others (shared, public, the address book) cannot be changed by a device
 */
public record HierarchyFolder(String serverId, String parentId, FolderRole role, String displayName, boolean owned) {

    public static final String ROOT = "0";

    /** Folders as stored with a sync key: one line each (id, parent, role, o for owned or s, name escaped). */
    static String encode(Iterable<HierarchyFolder> folders) {
        StringBuilder out = new StringBuilder();
        for (HierarchyFolder f : folders) {
            out.append(f.serverId).append('\t').append(f.parentId).append('\t').append(f.role.name()).append('\t')
                    .append(f.owned ? 'o' : 's').append('\t').append(f.displayName.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")).append('\n');
        }
        return out.toString();
    }

    static Map<String, HierarchyFolder> decode(String text) {
        Map<String, HierarchyFolder> folders = new LinkedHashMap<>();
        if (text == null) {
            return folders;
        }
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", 5);
            folders.put(f[0], new HierarchyFolder(f[0], f[1], FolderRole.valueOf(f[2]), unescape(f[4]), f[3].equals("o")));
        }
        return folders;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Orders folders so that every parent comes before its children, as clients need for Adds. */
    static List<HierarchyFolder> parentsFirst(Map<String, HierarchyFolder> folders) {
        List<HierarchyFolder> ordered = new ArrayList<>();
        Map<String, Boolean> done = new LinkedHashMap<>();
        for (HierarchyFolder f : folders.values()) {
            visit(f, folders, done, ordered);
        }
        return ordered;
    }

    private static void visit(HierarchyFolder f, Map<String, HierarchyFolder> all, Map<String, Boolean> done,
                              List<HierarchyFolder> ordered) {
        if (done.putIfAbsent(f.serverId, Boolean.TRUE) != null) {
            return;
        }
        HierarchyFolder parent = all.get(f.parentId);
        if (parent != null) {
            visit(parent, all, done, ordered);
        }
        ordered.add(f);
    }
}
