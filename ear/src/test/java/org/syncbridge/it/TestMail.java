package org.syncbridge.it;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The tests' IMAP/SMTP server on loopback, at the ports ear/pom.xml gives the server under test. By default
 * GreenMail serves both. With {@code -Pdovecot} (system property it.mail=dovecot) the IMAP server is a private
 * Dovecot that the build starts on the IMAP port (ear/src/test/scripts/dovecot.sh), GreenMail serves only SMTP,
 * and {@link #deliver} hands mail to Dovecot over LMTP. Either way any login is a mailbox and any password works.
 */
final class TestMail {
    private static GreenMail server;

    static final int IMAP_PORT = Integer.getInteger("it.imap.port", 3243);
    static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 3125);
    /** Set by -Pdovecot: where the private Dovecot keeps its sockets. */
    static final String DOVECOT_DIR = "dovecot".equals(System.getProperty("it.mail")) ? System.getProperty("it.dovecot.dir") : null;

    private TestMail() {
    }

    /** Starts it once for the whole test run; any login is accepted and gets its own mailbox. */
    static synchronized GreenMail server() {
        if (server == null) {
            ServerSetup smtp = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            server = new GreenMail(DOVECOT_DIR != null ? new ServerSetup[] {smtp} : new ServerSetup[] {
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP), smtp});
            server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** Which IMAP server the tests run against. */
    static String imapServer() {
        return DOVECOT_DIR != null ? "Dovecot" : "GreenMail";
    }

    /** Whether the IMAP server's IDLE reports flag changes of other sessions (GreenMail's reports only EXISTS and EXPUNGE). */
    static boolean idleReportsFlagChanges() {
        return DOVECOT_DIR != null;
    }

    /** Puts a mail into the account's Inbox as the mail system would: SMTP into GreenMail, LMTP into Dovecot. */
    static void deliver(String to, String subject) {
        if (DOVECOT_DIR == null) {
            server();
            GreenMailUtil.sendTextEmail(to, "sender@example.org", subject, "Hello",
                    new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        } else {
            lmtp(to, "From: sender@example.org\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\nHello\r\n");
        }
    }

    /** LMTP (RFC 2033) to the private Dovecot: like SMTP, with one reply per recipient after the data. */
    private static void lmtp(String to, String message) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(Path.of(DOVECOT_DIR, "run", "lmtp")));
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.US_ASCII));
            OutputStream out = Channels.newOutputStream(channel);
            expect(in, "220");
            for (String command : new String[] {"LHLO localhost", "MAIL FROM:<sender@example.org>", "RCPT TO:<" + to + ">", "DATA"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, command.equals("DATA") ? "354" : "250");
            }
            out.write((message + ".\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            expect(in, "250");
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one (possibly multi-line) reply and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IllegalStateException("LMTP: expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    /** An IMAP client's connection to the account; the test servers take any password. */
    static jakarta.mail.Store imap(String login) throws jakarta.mail.MessagingException {
        java.util.Properties props = new java.util.Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(IMAP_PORT));
        jakarta.mail.Store store = jakarta.mail.Session.getInstance(props).getStore("imap");
        store.connect(login, "any");
        return store;
    }

    /** The mailbox names of an IMAP account, as an IMAP client lists them. */
    static java.util.Set<String> mailboxes(String login) throws jakarta.mail.MessagingException {
        try (jakarta.mail.Store store = imap(login)) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (jakarta.mail.Folder f : store.getDefaultFolder().list("*")) {
                names.add(f.getFullName());
            }
            return names;
        }
    }

    /** Creates a mailbox the way another mail client would. */
    static void createMailbox(String login, String name) throws jakarta.mail.MessagingException {
        try (jakarta.mail.Store store = imap(login)) {
            store.getFolder(name).create(jakarta.mail.Folder.HOLDS_MESSAGES);
        }
    }
}
