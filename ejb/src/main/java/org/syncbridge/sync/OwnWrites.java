package org.syncbridge.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a device wrote itself, kept with its sync key: a replayed add finds its ServerId here, and a
 * write the device made is not sent back to it. Stored as tab-separated "clientId serverId modseq" lines.
 */
final class OwnWrites {
    private static final String NO_CLIENT_ID = "-";

    record Write(String clientId, String serverId, long modseq) {
    }

    private final List<Write> writes = new ArrayList<>();

    static OwnWrites parse(String text) {
        OwnWrites own = new OwnWrites();
        if (text != null) {
            for (String line : text.split("\n")) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    own.writes.add(new Write(f[0].equals(NO_CLIENT_ID) ? null : f[0], f[1], Long.parseLong(f[2])));
                }
            }
        }
        return own;
    }

    /** The stored text with one more write of the device (without ClientId), unless it is there already. */
    static String including(String text, String serverId, long modseq) {
        if (parse(text).wrote(serverId, modseq)) {
            return text;
        }
        return (text == null ? "" : text) + NO_CLIENT_ID + '\t' + serverId + '\t' + modseq + '\n';
    }

    void add(String clientId, String serverId, long modseq) {
        writes.add(new Write(clientId, serverId, modseq));
    }

    /** The ServerId an earlier request gave this ClientId. */
    Map<String, String> addsByClientId() {
        Map<String, String> adds = new HashMap<>();
        writes.stream().filter(w -> w.clientId() != null).forEach(w -> adds.put(w.clientId(), w.serverId()));
        return adds;
    }

    /** Whether this version of the item is the device's own write. */
    boolean wrote(String serverId, long modseq) {
        return writes.stream().anyMatch(w -> w.serverId().equals(serverId) && w.modseq() == modseq);
    }

    long countAbove(long highWater) {
        return writes.stream().filter(w -> w.modseq() > highWater).count();
    }

    int size() {
        return writes.size();
    }

    void addAll(OwnWrites other) {
        writes.addAll(other.writes);
    }

    /** The lines to keep: adds of this request (for replay) and writes the high-water mark has not passed. */
    String keep(OwnWrites thisRequest, long highWater) {
        StringBuilder out = new StringBuilder();
        for (Write w : writes) {
            if (thisRequest.writes.contains(w) || w.modseq() > highWater) {
                out.append(w.clientId() == null || w.clientId().matches(".*[\\t\\n].*") ? NO_CLIENT_ID : w.clientId())
                        .append('\t').append(w.serverId()).append('\t').append(w.modseq()).append('\n');
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
