package org.syncbridge.web.eas.command;

import java.util.Optional;
import java.util.OptionalInt;
import org.syncbridge.persistence.tenant.UserPhoto;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * What a client's Picture option (Search and ResolveRecipients, from 14.1) allows, and the photo status
 * of each entry as the response goes: 1 with the data, 173 none, 174 larger than MaxSize, 175 past
 * MaxPictures. Only photos sent count against MaxPictures.
 */
final class PhotoLimits {
    static final int SENT = 1;
    static final int NO_PHOTO = 173;
    static final int TOO_LARGE = 174;
    static final int TOO_MANY = 175;

    private final int maxSize;
    private final int maxPictures;
    private int sent;

    PhotoLimits(int maxSize, int maxPictures) {
        this.maxSize = maxSize;
        this.maxPictures = maxPictures;
    }

    /**
     * The limits of a Picture element (empty: no limits but the server's); empty when a value is not a
     * non-negative integer. MaxSize above the protocol's 102400 bytes is read as 102400.
     */
    static Optional<PhotoLimits> of(Element picture, Tag maxSizeTag, Tag maxPicturesTag) {
        OptionalInt size = number(picture, maxSizeTag);
        OptionalInt pictures = number(picture, maxPicturesTag);
        if (size.isEmpty() || pictures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PhotoLimits(Math.min(size.getAsInt(), UserPhoto.MAX_BYTES), pictures.getAsInt()));
    }

    /** The status for a photo of {@code size} bytes (null: none); 1 means it is to be sent, and counts. */
    int judge(Integer size) {
        if (size == null) {
            return NO_PHOTO;
        }
        if (size > maxSize) {
            return TOO_LARGE;
        }
        if (sent >= maxPictures) {
            return TOO_MANY;
        }
        sent++;
        return SENT;
    }

    /** An absent limit is none; a present one must be a non-negative integer. */
    private static OptionalInt number(Element parent, Tag tag) {
        Optional<String> text = parent.childText(tag);
        if (text.isEmpty()) {
            return OptionalInt.of(Integer.MAX_VALUE);
        }
        return Numbers.nonNegative(text.get());
    }
}
