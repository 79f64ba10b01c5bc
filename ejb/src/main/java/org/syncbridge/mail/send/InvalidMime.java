package org.syncbridge.mail.send;

/** A message that cannot be read as MIME (MS-ASCMD status 107). */
final class InvalidMime extends Exception {
    InvalidMime(String message) {
        super(message, null, false, false);
    }
}
