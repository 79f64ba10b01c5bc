package org.syncbridge.bench.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImapTraceTest {
    @TempDir
    Path tmp;

    private static String line(String user, String cmd, String args, long usecs, long bytes) {
        return "Nov 23 15:19:57 stats: Info: {\"event\":\"imap_command_finished\",\"start_time\":\"2026-11-23T15:19:57.324988Z\",\"fields\":"
                + "{\"user\":\"" + user + "\",\"session\":\"m7do\",\"duration\":2124,\"cmd_tag\":\"A1\",\"cmd_name\":\"" + cmd + "\",\"cmd_input_name\":\"" + cmd
                + "\"" + (args == null ? "" : ",\"cmd_args\":\"" + args + "\",\"cmd_human_args\":\"" + args + "\"")
                + ",\"tagged_reply_state\":\"OK\",\"running_usecs\":" + usecs + ",\"lock_wait_usecs\":41,\"bytes_in\":5,\"bytes_out\":" + bytes + "}}\n";
    }

    @Test
    void commandsAreSummedPerUserAndShapeAfterTheMark() throws Exception {
        Path log = tmp.resolve("dovecot.log");
        Files.writeString(log, line("a@x", "SELECT", "INBOX (CONDSTORE)", 999, 1));
        long mark = ImapTrace.mark(log);
        Files.writeString(log, line("a@x", "SELECT", "INBOX (CONDSTORE)", 2000, 300)
                + line("a@x", "UID FETCH", "1:5,7 (UID FLAGS) (CHANGEDSINCE 12)", 500, 100)
                + line("a@x", "UID FETCH", "9:11 (UID FLAGS) (CHANGEDSINCE 15)", 300, 60)
                + "Nov 23 15:19:57 imap(a@x): Info: Disconnected\n"
                + line("b@x", "LOGOUT", null, 40, 68)
                + line("a@x", "SELECT", "INBOX (CONDSTORE)", 1000, 300), java.nio.file.StandardOpenOption.APPEND);
        List<ImapTrace.Command> c = ImapTrace.since(log, mark);
        assertEquals(3, c.size());
        assertEquals(new ImapTrace.Command("a@x", "SELECT INBOX (CONDSTORE)", 2, 3000, 600, "INBOX (CONDSTORE)"), c.get(0));
        assertEquals("UID FETCH n (UID FLAGS) (CHANGEDSINCE n)", c.get(1).command());
        assertEquals(2, c.get(1).count());
        assertEquals(800, c.get(1).micros());
        assertEquals(new ImapTrace.Command("b@x", "LOGOUT", 1, 40, 68, ""), c.get(2));
    }
}
