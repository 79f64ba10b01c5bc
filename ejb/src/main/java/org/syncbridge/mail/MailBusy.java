package org.syncbridge.mail;

import jakarta.ejb.ApplicationException;

/** The user's IMAP connections are all in use; the client is asked to retry shortly. */
@ApplicationException(rollback = true)
public class MailBusy extends MailUnavailable {
    public MailBusy(String message) {
        super(message, null);
    }
}
