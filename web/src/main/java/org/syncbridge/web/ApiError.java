package org.syncbridge.web;

/** The JSON error object of the REST APIs: a stable code and a sentence for people. */
public record ApiError(String error, String message) {
}
