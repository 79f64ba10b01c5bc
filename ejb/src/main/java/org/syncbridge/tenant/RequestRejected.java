package org.syncbridge.tenant;

import jakarta.ejb.ApplicationException;

/** A request the service refuses, with the reason the protocol layer turns into its own error. */
@ApplicationException(rollback = true)
public class RequestRejected extends RuntimeException {

    public enum Reason { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Reason reason;

    public RequestRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static RequestRejected invalid(String message) {
        return new RequestRejected(Reason.INVALID, message);
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(Reason.NOT_FOUND, message);
    }

    public static RequestRejected conflict(String message) {
        return new RequestRejected(Reason.CONFLICT, message);
    }

    public static RequestRejected forbidden(String message) {
        return new RequestRejected(Reason.FORBIDDEN, message);
    }
}
