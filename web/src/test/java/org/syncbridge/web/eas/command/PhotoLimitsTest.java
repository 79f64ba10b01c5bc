package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

class PhotoLimitsTest {
    private static final String S = "Search:";

    @Test
    void eachEntryGetsItsPictureStatusAndOnlySentPhotosCountAgainstMaxPictures() {
        PhotoLimits limits = PhotoLimits.of(Element.of(Tag.of(S, "Picture"), Element.text(Tag.of(S, "MaxSize"), "1000"),
                Element.text(Tag.of(S, "MaxPictures"), "2")), Tag.of(S, "MaxSize"), Tag.of(S, "MaxPictures")).orElseThrow();
        assertEquals(PhotoLimits.NO_PHOTO, limits.judge(null));
        assertEquals(PhotoLimits.TOO_LARGE, limits.judge(1001));
        assertEquals(PhotoLimits.SENT, limits.judge(1000));
        assertEquals(PhotoLimits.SENT, limits.judge(10));
        assertEquals(PhotoLimits.TOO_MANY, limits.judge(10));
        assertEquals(PhotoLimits.TOO_LARGE, limits.judge(5000), "too large stays too large");
    }

    @Test
    void withoutLimitsEveryStoredPhotoGoes() {
        PhotoLimits limits = PhotoLimits.of(Element.empty(Tag.of(S, "Picture")), Tag.of(S, "MaxSize"), Tag.of(S, "MaxPictures"))
                .orElseThrow();
        for (int i = 0; i < 200; i++) {
            assertEquals(PhotoLimits.SENT, limits.judge(102_400));
        }
    }
}
