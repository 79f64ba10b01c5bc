package org.syncbridge.persistence.user;

/** Who an out-of-office reply goes to. */
public enum OofAudience {
    INTERNAL, EXTERNAL_KNOWN, EXTERNAL_UNKNOWN
}
