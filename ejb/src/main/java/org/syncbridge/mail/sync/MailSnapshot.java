package org.syncbridge.mail.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a device holds of a mail folder after one sync key: the folder's UIDVALIDITY and HIGHESTMODSEQ at
 * that point, the date window, the UIDs the device holds and, where the IMAP server has no CONDSTORE, the
 * flags it holds them with (the only way to see flag changes there). {@code complete}: nothing was left to
 * send, so an unchanged HIGHESTMODSEQ means nothing to say. Stored as text, a few lines:
 * <pre>v=1 / validity / modseq / cutoff (epoch seconds or -) / complete (0|1) / held (sequence set) [/ F flag runs] [/ I ids]</pre>
 * Flag runs follow the held UIDs in ascending order as "count*flags" items, so a folder of mostly read mail is
 * one run; ids ({@link ServerIds}) appear only after a UIDVALIDITY change; [/ A drafts] lists the drafts the phone
 * added in the Sync that led here, as "ClientId=ServerId" (URL-encoded), so a repeated request gets the same answer;
 * [/ N uidnext,messages] is the folder's {@link Seen} (absent in states written before it was kept).
 *
 * @param draftsAdded ClientId to ServerId of drafts the phone added in the Sync that produced this snapshot
 * @param seen        the folder's UIDNEXT and MESSAGES when the sync that produced this snapshot began
 */
public record MailSnapshot(long uidValidity, long modseq, Instant cutoff, boolean complete, UidSet held,
                           TreeMap<Long, Integer> flags, ServerIds ids, Map<String, String> draftsAdded, Seen seen) {

    /**
     * A folder's UIDNEXT and MESSAGES as a sync saw them before it looked for changes (-1: unknown). Without CONDSTORE
     * they are what tells a waiting request that mail came or went since: new mail moves UIDNEXT, an expunge MESSAGES.
     */
    public record Seen(long uidNext, long messages) {
        public static final Seen UNKNOWN = new Seen(-1, -1);

        public boolean known() {
            return uidNext > 0 && messages >= 0;
        }
    }

    public MailSnapshot(long uidValidity, long modseq, Instant cutoff, boolean complete, UidSet held, TreeMap<Long, Integer> flags,
                        ServerIds ids, Map<String, String> draftsAdded) {
        this(uidValidity, modseq, cutoff, complete, held, flags, ids, draftsAdded, Seen.UNKNOWN);
    }

    public MailSnapshot(long uidValidity, long modseq, Instant cutoff, boolean complete, UidSet held, TreeMap<Long, Integer> flags) {
        this(uidValidity, modseq, cutoff, complete, held, flags, ServerIds.PLAIN);
    }

    public MailSnapshot(long uidValidity, long modseq, Instant cutoff, boolean complete, UidSet held, TreeMap<Long, Integer> flags,
                        ServerIds ids) {
        this(uidValidity, modseq, cutoff, complete, held, flags, ids, Map.of());
    }

    /** The same snapshot, remembering the drafts the phone added on the way to it. */
    MailSnapshot withDraftsAdded(Map<String, String> added) {
        if (added.equals(draftsAdded)) {
            return this;
        }
        return new MailSnapshot(uidValidity, modseq, cutoff, complete, held, flags, ids, Map.copyOf(added), seen);
    }

    /** The same snapshot, taken when the folder's UIDNEXT and MESSAGES were {@code now}. */
    public MailSnapshot seeing(Seen now) {
        return new MailSnapshot(uidValidity, modseq, cutoff, complete, held, flags, ids, draftsAdded, now);
    }

    public static MailSnapshot empty() {
        return new MailSnapshot(0, 0, null, false, UidSet.EMPTY, null);
    }

    /** The same snapshot with other held mail and flags; the ServerIds of mail no longer held are forgotten. */
    MailSnapshot holding(UidSet newHeld, TreeMap<Long, Integer> newFlags) {
        return new MailSnapshot(uidValidity, modseq, cutoff, complete, newHeld, newFlags, ids.keepOnly(newHeld), Map.of(), seen);
    }

    /** Above this, the text is deflated: a badly fragmented 100,000-message folder still fits its column (1,000,000). */
    private static final int PLAIN_LIMIT = 200_000;

    public String encode() {
        String text = text();
        return text.length() <= PLAIN_LIMIT ? text : "z" + deflate(text);
    }

    private static String deflate(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream out = new java.util.zip.DeflaterOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String inflate(String base64) {
        try (java.util.zip.InflaterInputStream in = new java.util.zip.InflaterInputStream(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a mail snapshot", e);
        }
    }

    private String text() {
        StringBuilder s = new StringBuilder("v=1\n").append(uidValidity).append('\n').append(modseq).append('\n')
                .append(cutoff == null ? "-" : String.valueOf(cutoff.getEpochSecond())).append('\n')
                .append(complete ? '1' : '0').append('\n').append(held).append('\n');
        if (flags != null) {
            s.append('F');
            int[] run = {-1, 0};
            held.forEach(uid -> {
                int f = flags.getOrDefault(uid, 0);
                if (f == run[0]) {
                    run[1]++;
                } else {
                    appendRun(s, run);
                    run[0] = f;
                    run[1] = 1;
                }
            });
            appendRun(s, run);
            s.append('\n');
        }
        if (!ids.plain()) {
            s.append('I').append(ids.encode()).append('\n');
        }
        if (!draftsAdded.isEmpty()) {
            s.append('A');
            draftsAdded.forEach((clientId, serverId) -> s.append(java.net.URLEncoder.encode(clientId, java.nio.charset.StandardCharsets.UTF_8))
                    .append('=').append(serverId).append(','));
            s.setLength(s.length() - 1);
            s.append('\n');
        }
        if (seen.known()) {
            s.append('N').append(seen.uidNext()).append(',').append(seen.messages()).append('\n');
        }
        return s.toString();
    }

    private static void appendRun(StringBuilder s, int[] run) {
        if (run[1] > 0) {
            if (s.charAt(s.length() - 1) != 'F') {
                s.append(',');
            }
            s.append(run[1]).append('*').append(run[0]);
        }
    }

    public static MailSnapshot decode(String stored) {
        String text = stored.startsWith("z") ? inflate(stored.substring(1)) : stored;
        String[] lines = text.split("\n", -1);
        if (lines.length < 6 || !"v=1".equals(lines[0])) {
            throw new IllegalArgumentException("not a mail snapshot");
        }
        UidSet held = UidSet.parse(lines[5]);
        TreeMap<Long, Integer> flags = null;
        String flagLine = null;
        ServerIds ids = ServerIds.PLAIN;
        Map<String, String> drafts = new java.util.HashMap<>();
        Seen seen = Seen.UNKNOWN;
        for (int i = 6; i < lines.length; i++) {
            if (lines[i].startsWith("F")) {
                flagLine = lines[i];
            } else if (lines[i].startsWith("I")) {
                ids = ServerIds.decode(lines[i].substring(1));
            } else if (lines[i].startsWith("A")) {
                for (String pair : lines[i].substring(1).split(",")) {
                    int eq = pair.indexOf('=');
                    drafts.put(java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8), pair.substring(eq + 1));
                }
            } else if (lines[i].startsWith("N")) {
                String[] counts = lines[i].substring(1).split(",");
                seen = new Seen(Long.parseLong(counts[0]), Long.parseLong(counts[1]));
            }
        }
        if (flagLine != null) {
            flags = new TreeMap<>();
            List<int[]> runs = new ArrayList<>();
            for (String run : flagLine.substring(1).split(",")) {
                if (!run.isEmpty()) {
                    int star = run.indexOf('*');
                    runs.add(new int[] {Integer.parseInt(run.substring(0, star)), Integer.parseInt(run.substring(star + 1))});
                }
            }
            TreeMap<Long, Integer> f = flags;
            int[] at = {0, 0}; // run index, used of that run
            held.forEach(uid -> {
                while (at[0] < runs.size() && at[1] >= runs.get(at[0])[0]) {
                    at[0]++;
                    at[1] = 0;
                }
                int value = at[0] < runs.size() ? runs.get(at[0])[1] : 0;
                at[1]++;
                if (value != 0) {
                    f.put(uid, value);
                }
            });
        }
        Instant cutoff = "-".equals(lines[3]) ? null : Instant.ofEpochSecond(Long.parseLong(lines[3]));
        return new MailSnapshot(Long.parseLong(lines[1]), Long.parseLong(lines[2]), cutoff, "1".equals(lines[4]), held, flags, ids,
                Map.copyOf(drafts), seen);
    }

    /** The flags held for each UID; unlisted UIDs hold none. */
    public Map<Long, Integer> flagsOrEmpty() {
        return flags == null ? Map.of() : flags;
    }
}
