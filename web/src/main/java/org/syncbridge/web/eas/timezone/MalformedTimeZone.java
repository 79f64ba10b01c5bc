package org.syncbridge.web.eas.timezone;

/**
 * Bytes that are not a TIME_ZONE_INFORMATION structure: wrong length, or a field outside its range.
 * It carries no stack trace: phones send these, and hostile input can make many of them.
 */
class MalformedTimeZone extends Exception {

    MalformedTimeZone(String message) {
        super(message, null, false, false);
    }
}
