package org.syncbridge.auth;

import java.time.Duration;

/** The answer to a login attempt, for the protocol layer to translate. */
public sealed interface LoginOutcome<T> {

    /** The credentials are good and allow what was asked. */
    record Granted<T>(T identity) implements LoginOutcome<T> {
    }

    /** Unknown login, wrong password, or a disabled user or context: the client should ask again. */
    record Denied<T>() implements LoginOutcome<T> {
    }

    /** Too many recent failures for this login: no password was checked; try again after the delay. */
    record Throttled<T>(Duration retryAfter) implements LoginOutcome<T> {
    }

    /** The credentials are good but do not allow what was asked. */
    record Forbidden<T>(String reason) implements LoginOutcome<T> {
    }
}
