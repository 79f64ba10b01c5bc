package org.syncbridge.mail.send;

/** Bytes {@code [start, end)} of the phone's message replaced by {@code replacement}; an insertion when start == end. */
record Edit(int start, int end, byte[] replacement) {
}
