package org.syncbridge.it;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * The tests' IMAP/SMTP server on loopback, at the ports ear/pom.xml gives the server under test. By default
 * GreenMail serves both. When the build points the server under test at its private Dovecot (system property
 * it.mail=dovecot: the failsafe execution "dovecot", or -Pdovecot for the whole suite) the IMAP server is that
 * Dovecot (ear/src/test/scripts/dovecot.sh), GreenMail serves only SMTP, and {@link #deliver} hands mail to
 * Dovecot over LMTP, as it does with what the server under test submits over SMTP. Either way any login is a
 * mailbox and any password works.
 *
 * <p>Besides delivery, everything here works as another mail client would, over IMAP: appending a message
 * with an arrival date and flags, reading and setting flags, creating, deleting and recreating mailboxes.
 */
final class TestMail {
    private static GreenMail server;

    static final int IMAP_PORT = Integer.getInteger("it.imap.port", 3243);
    static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 3125);
    /** Set when the IMAP server is the build's private Dovecot: where it keeps its sockets. */
    static final String DOVECOT_DIR = "dovecot".equals(System.getProperty("it.mail")) ? System.getProperty("it.dovecot.dir") : null;

    private TestMail() {
    }

    /** Starts it once for the whole test run; any login is accepted and gets its own mailbox. */
    static synchronized GreenMail server() {
        if (server == null) {
            ServerSetup smtp = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            server = new PromptGreenMail(DOVECOT_DIR != null ? new ServerSetup[] {smtp} : new ServerSetup[] {
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP), smtp});
            server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            if (DOVECOT_DIR != null) {
                relayToDovecot(server);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /**
     * With Dovecot as the IMAP server, what the server under test submits over SMTP (to GreenMail) reaches each
     * recipient's Dovecot Inbox: every recipient of the envelope, Bcc too, gets the message as GreenMail received
     * it, over LMTP, as a mail system would deliver it. GreenMail keeps its own copy as well, which nothing reads.
     */
    private static void relayToDovecot(GreenMail greenMail) {
        com.icegreen.greenmail.user.UserManager users = greenMail.getUserManager();
        com.icegreen.greenmail.user.MessageDeliveryHandler ownDelivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                message.getMessage().writeTo(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            transfer(UnixDomainSocketAddress.of(Path.of(DOVECOT_DIR, "run", "lmtp")), StandardProtocolFamily.UNIX, "LHLO",
                    recipient.getEmail(), bytes.toByteArray());
            return ownDelivery.handle(message, recipient);
        });
    }

    /**
     * GreenMail whose IMAP connections have Nagle's algorithm off. GreenMail sends a response in several small
     * writes; with Nagle on, each later write waits for the ACK of the first, which the client delays by 40 ms: every
     * IMAP command cost about 45 ms instead of under one, and a sync of 500 mails minutes instead of seconds.
     */
    private static final class PromptGreenMail extends GreenMail {
        PromptGreenMail(ServerSetup[] setups) {
            super(setups);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
            Map<String, AbstractServer> services = super.createServices(setups, managers);
            for (ServerSetup setup : setups) {
                if (setup.getProtocol().equals(ServerSetup.PROTOCOL_IMAP)) {
                    services.put(setup.getProtocol(), new AbstractServer(setup, managers) {
                        @Override
                        protected ProtocolHandler createProtocolHandler(java.net.Socket socket) {
                            try {
                                socket.setTcpNoDelay(true);
                            } catch (java.net.SocketException e) {
                                throw new UncheckedIOException(e);
                            }
                            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
                        }
                    });
                }
            }
            return services;
        }
    }

    /** Which IMAP server the tests run against. */
    static String imapServer() {
        return DOVECOT_DIR != null ? "Dovecot" : "GreenMail";
    }

    /** Whether the IMAP server's IDLE reports flag changes of other sessions (GreenMail's reports only EXISTS and EXPUNGE). */
    static boolean idleReportsFlagChanges() {
        return DOVECOT_DIR != null;
    }

    // --- delivery, as the mail system would ---

    /** Puts a short text mail into the account's Inbox as the mail system would. */
    static void deliver(String to, String subject) {
        deliver(to, message(subject, "Hello"));
    }

    /**
     * Puts an RFC 822 message (CRLF line ends) into the account's Inbox as the mail system would: over SMTP into
     * GreenMail, over LMTP into Dovecot. Either adds its trace headers in front; the rest arrives as it is.
     */
    static void deliver(String to, byte[] rfc822) {
        if (DOVECOT_DIR == null) {
            server();
            transfer(new InetSocketAddress("127.0.0.1", SMTP_PORT), StandardProtocolFamily.INET, "EHLO", to, rfc822);
        } else {
            transfer(UnixDomainSocketAddress.of(Path.of(DOVECOT_DIR, "run", "lmtp")), StandardProtocolFamily.UNIX, "LHLO", to, rfc822);
        }
    }

    /** A short text mail with the headers a mail client writes. */
    static byte[] message(String subject, String body) {
        return ("From: Sender <sender@example.org>\r\nTo: recipient@example.org\r\nSubject: " + subject
                + "\r\nDate: Mon, 17 Nov 2025 10:00:00 +0000\r\nMessage-ID: <" + Integer.toHexString(subject.hashCode())
                + "." + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A fixture mail of ear/src/test/resources/mail, with CRLF line ends whatever the checkout did to them. */
    static byte[] fixture(String name) {
        try (InputStream in = TestMail.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture mail " + name);
            }
            byte[] bytes = in.readAllBytes();
            ByteArrayOutputStream crlf = new ByteArrayOutputStream(bytes.length + bytes.length / 40);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n' && (i == 0 || bytes[i - 1] != '\r')) {
                    crlf.write('\r');
                }
                crlf.write(bytes[i]);
            }
            return crlf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SMTP (RFC 5321) or LMTP (RFC 2033): the same dialog, LMTP with one reply per recipient after the data. Lines
     * starting with a dot are doubled, as the protocol asks.
     */
    private static void transfer(SocketAddress address, StandardProtocolFamily family, String hello, String to, byte[] message) {
        try (SocketChannel channel = SocketChannel.open(family)) {
            channel.connect(address);
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.US_ASCII));
            OutputStream out = Channels.newOutputStream(channel);
            expect(in, "220");
            for (String command : new String[] {hello + " localhost", "MAIL FROM:<sender@example.org>", "RCPT TO:<" + to + ">", "DATA"}) {
                out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, command.equals("DATA") ? "354" : "250");
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream(message.length + 64);
            boolean lineStart = true;
            for (byte b : message) {
                if (lineStart && b == '.') {
                    data.write('.');
                }
                data.write(b);
                lineStart = b == '\n';
            }
            if (!lineStart) {
                data.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            data.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(data.toByteArray());
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
                throw new IllegalStateException("SMTP/LMTP: expected " + code + ", got " + line);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    // --- another mail client, over IMAP ---

    /** An IMAP client's connection to the account; the test servers take any password. */
    static Store imap(String login) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(IMAP_PORT));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(login, "any");
        return store;
    }

    /** The mailbox names of an IMAP account, as an IMAP client lists them. */
    static java.util.Set<String> mailboxes(String login) throws MessagingException {
        try (Store store = imap(login)) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (Folder f : store.getDefaultFolder().list("*")) {
                names.add(f.getFullName());
            }
            return names;
        }
    }

    /** Creates a mailbox the way another mail client would. */
    static void createMailbox(String login, String name) throws MessagingException {
        try (Store store = imap(login)) {
            Folder folder = store.getFolder(name);
            if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
                throw new IllegalStateException(imapServer() + " did not create " + name);
            }
        }
    }

    /** Deletes a mailbox with its mail. */
    static void deleteMailbox(String login, String name) throws MessagingException {
        try (Store store = imap(login)) {
            Folder folder = store.getFolder(name);
            if (folder.exists() && !folder.delete(true)) {
                throw new IllegalStateException(imapServer() + " did not delete " + name);
            }
        }
    }

    /** A message to append: its bytes, arrival date (INTERNALDATE) and flags. */
    record Mail(byte[] rfc822, Instant arrived, Flags flags) {
        Mail(byte[] rfc822) {
            this(rfc822, Instant.now(), new Flags());
        }
    }

    /** Appends messages in this order, as another client would; returns their UIDs (from UIDPLUS's APPENDUID). */
    static List<Long> append(String login, String folder, List<Mail> mails) throws MessagingException {
        try (Store store = imap(login)) {
            IMAPFolder target = (IMAPFolder) store.getFolder(folder);
            Message[] messages = new Message[mails.size()];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = new Appended(mails.get(i));
            }
            List<Long> uids = new ArrayList<>();
            for (AppendUID appended : target.appendUIDMessages(messages)) {
                if (appended == null) {
                    throw new IllegalStateException(imapServer() + " answered no APPENDUID");
                }
                uids.add(appended.uid);
            }
            return uids;
        }
    }

    static long append(String login, String folder, Mail mail) throws MessagingException {
        return append(login, folder, List.of(mail)).get(0);
    }

    /** A message whose bytes go to the server exactly as given. */
    private static final class Appended extends MimeMessage {
        private final Mail mail;

        Appended(Mail mail) throws MessagingException {
            super(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.rfc822()));
            this.mail = mail;
            setFlags(mail.flags(), true);
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException {
            out.write(mail.rfc822());
        }

        @Override
        public Date getReceivedDate() {
            return Date.from(mail.arrived());
        }
    }

    /** The mailbox's UIDVALIDITY. */
    static long uidValidity(String login, String folder) throws MessagingException {
        try (Store store = imap(login)) {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                return f.getUIDValidity();
            } finally {
                f.close(false);
            }
        }
    }

    /** UID to decoded Subject of every message in the mailbox. */
    static Map<Long, String> subjects(String login, String folder) throws MessagingException {
        try (Store store = imap(login)) {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                Message[] all = f.getMessages();
                FetchProfile profile = new FetchProfile();
                profile.add(FetchProfile.Item.ENVELOPE);
                profile.add(UIDFolder.FetchProfileItem.UID);
                f.fetch(all, profile);
                Map<Long, String> result = new TreeMap<>();
                for (Message m : all) {
                    result.put(f.getUID(m), m.getSubject());
                }
                return result;
            } finally {
                f.close(false);
            }
        }
    }

    /** The one message with this exact Subject, opened for reading or writing; the caller closes its folder. */
    private static Message bySubject(IMAPFolder folder, String subject) throws MessagingException {
        Message found = null;
        for (Message m : folder.search(new jakarta.mail.search.SubjectTerm(subject))) {
            if (subject.equals(m.getSubject())) {
                if (found != null) {
                    throw new IllegalStateException("two messages with the subject " + subject + " in " + folder.getFullName());
                }
                found = m;
            }
        }
        if (found == null) {
            throw new IllegalStateException("no message with the subject " + subject + " in " + folder.getFullName());
        }
        return found;
    }

    /** The flags of the message with this Subject. */
    static Flags flags(String login, String folder, String subject) throws MessagingException {
        try (Store store = imap(login)) {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                return bySubject(f, subject).getFlags();
            } finally {
                f.close(false);
            }
        }
    }

    /** Sets ({@code set} true) or clears flags of the message with this Subject. */
    static void setFlags(String login, String folder, String subject, Flags flags, boolean set) throws MessagingException {
        try (Store store = imap(login)) {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            f.open(Folder.READ_WRITE);
            try {
                bySubject(f, subject).setFlags(flags, set);
            } finally {
                f.close(false);
            }
        }
    }

    /** The message with this Subject as the IMAP server holds it (BODY.PEEK[]: its flags stay as they are). */
    static byte[] raw(String login, String folder, String subject) throws MessagingException {
        try (Store store = imap(login)) {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            try {
                Message m = bySubject(f, subject);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ((org.eclipse.angus.mail.imap.IMAPMessage) m).setPeek(true);
                m.writeTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                f.close(false);
            }
        }
    }

    /** What a folder held before {@link #recreate}, and its UIDVALIDITY before and after. */
    record Recreated(long oldValidity, long newValidity, Map<Long, String> newSubjects) {
    }

    /**
     * Deletes the mailbox and creates it again under the same name (as a client that "repairs" a folder does),
     * then appends the same messages again, with their arrival dates and flags, newest first: so the new UIDs
     * name other messages than the old ones did. Both servers give the new mailbox a new UIDVALIDITY.
     */
    static Recreated recreate(String login, String name) throws MessagingException {
        long oldValidity = uidValidity(login, name);
        List<Mail> kept = new ArrayList<>();
        try (Store store = imap(login)) {
            IMAPFolder f = (IMAPFolder) store.getFolder(name);
            f.open(Folder.READ_ONLY);
            try {
                for (Message m : f.getMessages()) {
                    ((org.eclipse.angus.mail.imap.IMAPMessage) m).setPeek(true);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    m.writeTo(out);
                    Flags flags = m.getFlags();
                    flags.remove(Flags.Flag.RECENT);
                    kept.add(new Mail(out.toByteArray(), m.getReceivedDate().toInstant(), flags));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                f.close(false);
            }
        }
        deleteMailbox(login, name);
        createMailbox(login, name);
        for (int attempt = 0; uidValidity(login, name) == oldValidity && attempt < 3; attempt++) {
            // GreenMail's UIDVALIDITY is the creation second: within the same second the folder would come back unchanged
            sleep(1100);
            deleteMailbox(login, name);
            createMailbox(login, name);
        }
        java.util.Collections.reverse(kept);
        if (!kept.isEmpty()) {
            append(login, name, kept);
        }
        return new Recreated(oldValidity, uidValidity(login, name), subjects(login, name));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
