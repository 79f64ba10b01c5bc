package org.syncbridge.web.eas.wbxml;

/**
 * A request body that is not a well-formed ActiveSync WBXML document, or one beyond the decoder's limits.
 * The resource answers it with HTTP 400. It carries no stack trace: hostile input can make many of them.
 */
public class MalformedWbxml extends Exception {

    public MalformedWbxml(String message) {
        super(message, null, false, false);
    }
}
