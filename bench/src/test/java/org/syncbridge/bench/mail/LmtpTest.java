package org.syncbridge.bench.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmtpTest {
    @TempDir
    Path tmp;

    @Test
    void theDataHasCrlfAndDotStuffing() {
        assertEquals("a\r\n..b\r\nc\r\n.\r\n", new String(Lmtp.data("a\n.b\nc".getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));
        assertEquals("x\r\n.\r\n", new String(Lmtp.data("x\r\n".getBytes(StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII));
    }

    @Test
    void aMessageIsDeliveredAndARefusalFails() throws Exception {
        Path socket = tmp.resolve("lmtp");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> serve(server, "250 2.0.0 <mia@bench.test> Saved"));
            Lmtp.deliver(socket, "mia@bench.test", "Subject: hi\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
            String session = received.get(10, TimeUnit.SECONDS);
            assertTrue(session.contains("RCPT TO:<mia@bench.test>"), session);
            assertTrue(session.contains("Subject: hi\r\n\r\nbody\r\n.\r\n"), session);

            CompletableFuture.runAsync(() -> serve(server, "552 5.2.2 Mailbox full"));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> Lmtp.deliver(socket, "mia@bench.test", "x\n".getBytes(StandardCharsets.US_ASCII)));
            assertTrue(refused.getMessage().contains("552"), refused.getMessage());
        }
    }

    /** One LMTP session: greets, accepts the commands, answers the data with {@code afterData}; returns what came. */
    private static String serve(ServerSocketChannel server, String afterData) {
        try (SocketChannel c = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(c), StandardCharsets.US_ASCII));
            OutputStream out = Channels.newOutputStream(c);
            StringBuilder seen = new StringBuilder();
            out.write("220 test LMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            boolean inData = false;
            for (String line; (line = in.readLine()) != null; ) {
                seen.append(line).append("\r\n");
                String reply;
                if (inData) {
                    if (!line.equals(".")) {
                        continue;
                    }
                    inData = false;
                    reply = afterData;
                } else if (line.startsWith("LHLO")) {
                    reply = "250-test\r\n250 PIPELINING";
                } else if (line.equals("DATA")) {
                    inData = true;
                    reply = "354 go";
                } else if (line.equals("QUIT")) {
                    break; // the client does not wait for the 221
                } else {
                    reply = "250 ok";
                }
                out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (reply == afterData && !afterData.startsWith("250")) {
                    break;
                }
            }
            return seen.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
