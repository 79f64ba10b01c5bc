package org.syncbridge.persistence.user;

/** Whether out-of-office replies are off, on, or on within a time window. */
public enum OofState {
    DISABLED, GLOBAL, TIME_BASED
}
