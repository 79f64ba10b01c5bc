package org.syncbridge.bench.client;

/** The server answered something a phone could not go on with: the run stops and says what. */
public final class EasFailure extends RuntimeException {
    public EasFailure(String message) {
        super(message);
    }
}
