package org.syncbridge.bench.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ImapProbeTest {

    @Test
    void aSessionSelectsWithCondstoreAndIsTimed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> serve(server, "OK [READ-WRITE] Select completed"));
            ImapProbe.Session s = ImapProbe.select(server.getLocalPort(), "mia@bench.test", "INBOX");
            assertEquals(List.of("a1 LOGIN \"mia@bench.test\" \"bench\"", "a2 ENABLE CONDSTORE", "a3 SELECT \"INBOX\" (CONDSTORE)", "a4 LOGOUT"),
                    seen.get(10, TimeUnit.SECONDS));
            assertTrue(s.selectNanos() > 0 && s.selectNanos() < s.nanos());
        }
    }

    @Test
    void aHeldSessionKeepsTheFolderSelected() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> serve(server, "OK [READ-WRITE] Select completed"));
            try (ImapProbe.Held held = ImapProbe.hold(server.getLocalPort(), "mia@bench.test", "INBOX")) {
                assertTrue(held.noop() > 0);
                assertTrue(held.selectAgain() > 0);
            }
            List<String> lines = seen.get(10, TimeUnit.SECONDS);
            assertEquals(List.of("LOGIN", "ENABLE", "SELECT", "NOOP", "SELECT", "LOGOUT"), lines.stream().map(l -> l.split(" ")[1]).toList());
        }
    }

    @Test
    void aRefusedSelectFails() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> serve(server, "NO Mailbox doesn't exist"));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ImapProbe.select(server.getLocalPort(), "mia@bench.test", "Nope"));
            assertTrue(e.getMessage().contains("NO Mailbox"), e.getMessage());
        }
    }

    /** A tiny IMAP server: OK to everything, {@code select} to SELECT; answers what it was sent. */
    private static List<String> serve(ServerSocket server, String select) {
        List<String> lines = new ArrayList<>();
        try (Socket c = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = c.getOutputStream();
            out.write("* OK [CAPABILITY IMAP4rev1] ready\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                String tag = line.substring(0, line.indexOf(' '));
                String reply = line.contains(" SELECT ") ? "* 3 EXISTS\r\n" + tag + " " + select
                        : line.endsWith("LOGOUT") ? "* BYE\r\n" + tag + " OK Logout completed." : tag + " OK done";
                out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (line.endsWith("LOGOUT") || reply.contains(" NO ")) {
                    break;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }
}
