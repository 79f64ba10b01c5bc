package org.syncbridge.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Properties;

/** A GreenMail IMAP server on a free loopback port that takes any password, and a Jakarta Mail session for it. */
public final class TestImap implements AutoCloseable {
    public final GreenMail mail;
    public final Session session;

    private TestImap(GreenMail mail, Session session) {
        this.mail = mail;
        this.session = session;
    }

    public static TestImap start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(port));
        return new TestImap(mail, Session.getInstance(p));
    }

    /** A store logged in as {@code login}; the account exists from then on. */
    public Store login(String login) throws MessagingException {
        mail.setUser(login, login, "pw");
        Store store = session.getStore("imap");
        store.connect(login, "pw");
        return store;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
