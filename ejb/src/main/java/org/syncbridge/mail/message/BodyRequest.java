package org.syncbridge.mail.message;

import java.util.List;

/**
 * What a client wants of the bodies of the mails it is sent.
 *
 * @param wishes     body forms in order of preference; empty: plain text, whole, unless {@code partWishes} are
 *                   given, then no Body at all (MS-ASCON, server details, "Sending a Message Part": a request with only
 *                   BodyPartPreference gets only BodyPart)
 * @param mime       when signed or encrypted (or all) mail goes as its original MIME bytes
 * @param partWishes BodyPartPreference (14.1): the same for the message part of a conversation, of which only HTML is
 *                   defined (MS-ASAIRS 2.2.2.41.3); empty for none
 */
public record BodyRequest(List<BodyWish> wishes, MimeSupport mime, List<BodyWish> partWishes) {
    public static final BodyRequest PLAIN = new BodyRequest(List.of(BodyWish.PLAIN_WHOLE), MimeSupport.NEVER, List.of());

    /** Whether the client gets a Body: it asked for one, or did not ask for the message part alone. */
    public boolean wantsBody() {
        return !wishes.isEmpty() || partWishes.isEmpty();
    }
}
