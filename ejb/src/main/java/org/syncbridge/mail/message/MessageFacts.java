package org.syncbridge.mail.message;

import jakarta.mail.Flags;

import java.time.Instant;

/**
 * What IMAP tells of a message besides its MIME: its UID, its flags (system flags and user keywords), its arrival
 * date (INTERNALDATE) and its size in bytes (RFC822.SIZE, the exact length of its original bytes).
 */
public record MessageFacts(long uid, Flags flags, Instant internalDate, long size) {
    public MessageFacts {
        flags = flags == null ? new Flags() : flags;
    }
}
