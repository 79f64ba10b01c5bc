package org.syncbridge.mail;

/** The IMAP login of one request: the user's IMAP login name and the password the client sent. */
public record MailLogin(String login, String password) {
    @Override
    public String toString() {
        return "MailLogin[" + login + "]";
    }
}
