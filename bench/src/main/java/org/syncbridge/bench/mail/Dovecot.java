package org.syncbridge.bench.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.syncbridge.bench.MailSettings;

/**
 * The mail scenarios' own Dovecot: the integration tests' private one (ear/src/test/scripts/dovecot.sh, which installs
 * Debian's dovecot-imapd and dovecot-lmtpd when missing), IMAP on 127.0.0.1 and LMTP on a unix socket, started before
 * the server and stopped after it. Its mail is maildir under {@code dir/mail/<login>/Maildir}, which the loader writes
 * directly; doveadm (with the same configuration) indexes and deletes.
 */
public final class Dovecot implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Dovecot.class.getName());

    private final Path script;
    private final Path dir;
    private final int port;
    private final String version;
    private final Thread stopOnExit;
    private volatile boolean stopped;

    private Dovecot(Path script, Path dir, int port, String version) {
        this.script = script;
        this.dir = dir;
        this.port = port;
        this.version = version;
        this.stopOnExit = new Thread(this::stop, "stop-bench-dovecot");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts it on an empty directory; the script refuses (and this throws) when the port is taken. */
    public static Dovecot start(MailSettings settings) {
        Path script = settings.requireDovecotScript();
        String out = run(Duration.ofMinutes(10), "bash", script.toString(), "start", settings.dovecotDir().toString(),
                String.valueOf(settings.dovecotPort()));
        return new Dovecot(script, settings.dovecotDir(), settings.dovecotPort(), out.trim());
    }

    public int port() {
        return port;
    }

    /** What the script printed: version, port and LMTP socket. */
    public String version() {
        return version;
    }

    public Path dir() {
        return dir;
    }

    public Path log() {
        return dir.resolve("dovecot.log");
    }

    public Path lmtpSocket() {
        return dir.resolve("run").resolve("lmtp");
    }

    /** The account's Inbox on disk (mail_location = maildir:~/Maildir, home = dir/mail/%u). */
    public Path inbox(String login) {
        return home(login).resolve("Maildir");
    }

    public Path home(String login) {
        if (!login.matches("[A-Za-z0-9.@\\-_]+")) {
            throw new IllegalArgumentException("not a benchmark login: " + login);
        }
        return dir.resolve("mail").resolve(login);
    }

    /** doveadm with this Dovecot's configuration; its output, or an exception with it. */
    public String doveadm(String... args) {
        List<String> command = new ArrayList<>(List.of("doveadm", "-c", dir.resolve("dovecot.conf").toString()));
        command.addAll(List.of(args));
        return run(Duration.ofMinutes(15), command.toArray(String[]::new));
    }

    /** The Inbox's status, as doveadm mailbox status reports it (messages, uidnext, uidvalidity, highestmodseq). */
    public Map<String, Long> status(String login) {
        return parseStatus(doveadm("mailbox", "status", "-u", login, "messages uidnext uidvalidity highestmodseq", "INBOX"));
    }

    static Map<String, Long> parseStatus(String line) {
        Map<String, Long> status = new HashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                status.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        }
        if (!status.containsKey("messages")) {
            throw new IllegalStateException("doveadm mailbox status said: " + line);
        }
        return status;
    }

    /**
     * Makes Dovecot log every finished IMAP command as JSON ({@link ImapTrace}); costs the imap processes an event to the
     * stats process per command, so measured runs leave it off.
     */
    public void traceCommands() {
        try {
            Files.writeString(dir.resolve("dovecot.conf"), ImapTrace.CONFIG, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extend " + dir.resolve("dovecot.conf"), e);
        }
        doveadm("reload");
        try {
            Thread.sleep(1000); // the master re-reads its configuration and restarts the stats process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands the files under the account's home to the user Dovecot's userdb runs as. */
    public void handOver(String login) {
        run(Duration.ofMinutes(10), "chown", "-R", "dovecot:dovecot", home(login).toString());
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(Duration.ofSeconds(30), "bash", script.toString(), "stop", dir.toString());
        } catch (RuntimeException e) {
            LOG.warning("stopping Dovecot: " + e.getMessage());
        }
    }

    private static String run(Duration timeout, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command).replaceAll("uid [0-9:,]{200,}", "uid ...") + " failed ("
                        + p.exitValue() + "): " + text.trim());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
