package org.syncbridge.auth;

/** What a user may connect with. */
public enum Permission {
    /** Phones over Exchange ActiveSync. */
    ACTIVESYNC,
    /** Outlook over USM-JSON. */
    OUTLOOK
}
