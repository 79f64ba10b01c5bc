package org.syncbridge.bench.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * What the IMAP server alone costs for what the server does at the start of every mail Sync: connect, LOGIN,
 * ENABLE CONDSTORE, SELECT the folder with CONDSTORE, LOGOUT. Timed from the benchmark, with no Syncbridge in
 * between, so a Sync's time can be split into the IMAP server's part and the rest.
 */
public final class ImapProbe {
    /** Nanoseconds of the whole session and of the SELECT alone. */
    public record Session(long nanos, long selectNanos) {
    }

    private ImapProbe() {
    }

    public static Session select(int port, String login, String mailbox) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            String greeting = in.readLine();
            if (greeting == null || !greeting.startsWith("* OK")) {
                throw new IllegalStateException("IMAP greeting: " + greeting);
            }
            command(in, out, "a1", "LOGIN \"" + login + "\" \"bench\"");
            command(in, out, "a2", "ENABLE CONDSTORE");
            long select = System.nanoTime();
            command(in, out, "a3", "SELECT \"" + mailbox + "\" (CONDSTORE)");
            long selected = System.nanoTime();
            command(in, out, "a4", "LOGOUT");
            return new Session(System.nanoTime() - start, selected - select);
        } catch (IOException e) {
            throw new UncheckedIOException("IMAP session of " + login + " failed", e);
        }
    }

    /** Sends one command and reads up to its tagged answer, which must be OK. */
    private static void command(BufferedReader in, OutputStream out, String tag, String command) throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IllegalStateException(command.split(" ")[0] + ": " + line);
                }
                return;
            }
        }
        throw new IllegalStateException(command.split(" ")[0] + ": the connection closed");
    }
}
