package org.syncbridge.mail.message;

import java.util.List;

/**
 * What a client wants of the bodies of the mails it is sent.
 *
 * @param wishes     body forms in order of preference; empty: plain text, whole
 * @param mime       when signed or encrypted (or all) mail goes as its original MIME bytes
 * @param partWishes BodyPartPreference (14.1): the same for the message part of a conversation; empty for none
 */
public record BodyRequest(List<BodyWish> wishes, MimeSupport mime, List<BodyWish> partWishes) {
    public static final BodyRequest PLAIN = new BodyRequest(List.of(BodyWish.PLAIN_WHOLE), MimeSupport.NEVER, List.of());
}
