package org.syncbridge.it;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The tests' IMAP/SMTP server on loopback, at the ports ear/pom.xml gives the server under test. */
final class TestMail {
    private static GreenMail server;

    static final int IMAP_PORT = Integer.getInteger("it.imap.port", 3243);
    static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 3125);

    private TestMail() {
    }

    /** Starts it once for the whole test run; any login is accepted and gets its own mailbox. */
    static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new ServerSetup[] {
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
            server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** An IMAP client's connection to the account; GreenMail takes any password. */
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
