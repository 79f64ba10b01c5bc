package org.syncbridge.bench.mail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which IMAP commands the server sent, from Dovecot's own account of them: with bench.mail.imap.trace, Dovecot exports
 * every imap_command_finished event (name, arguments, time in the imap process, bytes sent) to its log as JSON. A
 * trace is the part of the log written between a mark and now; its commands are summed per user and command.
 */
public final class ImapTrace {
    /** Appended to the Dovecot configuration (and reloaded): each finished IMAP command as one JSON log line. */
    static final String CONFIG = """
            event_exporter log {
              format = json
              format_args = time-rfc3339
              transport = log
            }
            metric imap_command {
              filter = event=imap_command_finished
              exporter = log
              exporter_include = name timestamps fields
            }
            """;
    private static final Pattern EVENT = Pattern.compile("\"event\":\"imap_command_finished\".*?\"user\":\"([^\"]*)\".*?\"cmd_name\":\"([^\"]*)\""
            + "(?:.*?\"cmd_args\":\"((?:[^\"\\\\]|\\\\.)*)\")?.*?\"running_usecs\":(\\d+).*?\"bytes_out\":(\\d+)");

    /** One kind of command of one user: how often, its time in Dovecot, what it sent back. */
    public record Command(String user, String command, int count, long micros, long bytesOut, String exampleArgs) {
    }

    private ImapTrace() {
    }

    /** Where the log ends now: a trace starts here. */
    public static long mark(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commands logged since {@code mark}, per user and command, in order of user, then time spent. */
    public static List<Command> since(Path log, long mark) {
        String text;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, f.length() - mark)];
            f.seek(mark);
            f.readFully(bytes);
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        return parse(text);
    }

    static List<Command> parse(String log) {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        for (String line : log.split("\n")) {
            Matcher m = EVENT.matcher(line);
            if (!m.find()) {
                continue;
            }
            String key = m.group(1) + "\n" + m.group(2) + "\n" + shape(m.group(3));
            long[] s = sums.computeIfAbsent(key, k -> new long[3]);
            s[0]++;
            s[1] += Long.parseLong(m.group(4));
            s[2] += Long.parseLong(m.group(5));
            examples.putIfAbsent(key, m.group(3) == null ? "" : m.group(3));
        }
        List<Command> commands = new ArrayList<>();
        sums.forEach((key, s) -> {
            String[] k = key.split("\n", -1);
            commands.add(new Command(k[0], k[1] + (k[2].isEmpty() ? "" : " " + k[2]), (int) s[0], s[1], s[2], examples.get(key)));
        });
        commands.sort((a, b) -> a.user().equals(b.user()) ? Long.compare(b.micros(), a.micros()) : a.user().compareTo(b.user()));
        return commands;
    }

    /** The arguments with numbers and sets blanked, so the same command with other UIDs counts as one. */
    static String shape(String args) {
        if (args == null) {
            return "";
        }
        String s = args.replace("\\\"", "\"").replaceAll("\\d+(?::\\d+)?(?:,\\d+(?::\\d+)?)*", "n");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
