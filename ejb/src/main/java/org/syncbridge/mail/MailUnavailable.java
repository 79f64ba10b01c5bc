package org.syncbridge.mail;

import jakarta.ejb.ApplicationException;

/** The IMAP server could not be reached or refused the login; the client should retry later. */
@ApplicationException(rollback = true)
public class MailUnavailable extends RuntimeException {
    public MailUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
