package org.syncbridge.mail.message;

/**
 * The body a client gets: the form chosen from its wishes, the body's whole size in that form, whether it was
 * cut, and its (possibly cut) content. Text forms hold UTF-8 bytes cut on a character boundary; MIME holds the
 * message's original bytes. Data is null when AllOrNone left nothing to send.
 *
 * @param preview the plain-text preview asked for, or null
 */
public record ChosenBody(BodyType type, long estimatedSize, boolean truncated, byte[] data, String preview) {
}
