package org.syncbridge.mail.message;

/**
 * One body form a client accepts, in its order of preference.
 *
 * @param truncationSize the most bytes of the body to send; -1 for all of it
 * @param allOrNone      when the body would be cut, send none of this form and try the next wish
 * @param preview        characters of plain-text preview wanted (0 for none)
 */
public record BodyWish(BodyType type, long truncationSize, boolean allOrNone, int preview) {
    public static final BodyWish PLAIN_WHOLE = new BodyWish(BodyType.PLAIN, -1, false, 0);
}
