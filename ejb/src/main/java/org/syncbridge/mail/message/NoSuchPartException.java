package org.syncbridge.mail.message;

/** A FileReference names an IMAP section the message does not have (or a section that is not well-formed). */
public class NoSuchPartException extends Exception {
    public NoSuchPartException(String section) {
        super("no MIME part at section " + section);
    }
}
