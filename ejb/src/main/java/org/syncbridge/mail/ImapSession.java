package org.syncbridge.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Opens IMAP connections through the WildFly mail session (host, port and TLS come from configure.cli). */
@ApplicationScoped
public class ImapSession {

    @Resource(lookup = "java:jboss/mail/Syncbridge")
    Session session;

    /** A connected store; the caller closes it. */
    public Store connect(MailLogin login) {
        try {
            Store store = session.getStore("imap");
            store.connect(login.login(), login.password());
            return store;
        } catch (MessagingException e) {
            throw new MailUnavailable("IMAP login of " + login.login() + " failed: " + e.getMessage(), e);
        }
    }
}
