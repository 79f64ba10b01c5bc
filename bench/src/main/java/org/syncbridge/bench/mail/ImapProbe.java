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

    /** A session that keeps the folder selected, as a client that stays connected does. */
    public static final class Held implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;
        private final String mailbox;
        private int tag;

        private Held(Socket socket, String mailbox) throws IOException {
            this.socket = socket;
            this.mailbox = mailbox;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            this.out = socket.getOutputStream();
        }

        /** Nanoseconds of a NOOP: the server tells the session what changed in the selected folder. */
        public long noop() {
            return timed("NOOP");
        }

        /** Nanoseconds of selecting the folder again in the same session. */
        public long selectAgain() {
            return timed("SELECT \"" + mailbox + "\" (CONDSTORE)");
        }

        private long timed(String command) {
            long start = System.nanoTime();
            try {
                command(in, out, "h" + (++tag), command);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return System.nanoTime() - start;
        }

        @Override
        public void close() {
            try (socket) {
                command(in, out, "h" + (++tag), "LOGOUT");
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Logs in and selects {@code mailbox}, keeping the session. */
    public static Held hold(int port, String login, String mailbox) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(60_000);
            Held held = new Held(socket, mailbox);
            String greeting = held.in.readLine();
            if (greeting == null || !greeting.startsWith("* OK")) {
                throw new IllegalStateException("IMAP greeting: " + greeting);
            }
            command(held.in, held.out, "h0", "LOGIN \"" + login + "\" \"bench\"");
            command(held.in, held.out, "h0", "ENABLE CONDSTORE");
            command(held.in, held.out, "h0", "SELECT \"" + mailbox + "\" (CONDSTORE)");
            return held;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the session failed anyway
            }
            throw new UncheckedIOException("IMAP session of " + login + " failed", e);
        }
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
