package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * Makes a mail's message part for a client's BodyPartPreference (MS-ASAIRS 2.2.2.11): always HTML, the only Type
 * defined for it (2.2.2.41.3); cut at TruncationSize in UTF-8 bytes on a character boundary, with Truncated and the
 * whole part's size in EstimatedDataSize; with AllOrNone a part that would be cut goes without Data, still Status 1
 * (Microsoft's MS-ASAIRS test suite expects Status 1 there, and Exchange answers so). Status 176 ("the message part is
 * too large") is left for a mail too large to look for its message part in: the part is found in the whole HTML,
 * which is read into memory, at most {@code readable} bytes of it.
 */
final class BodyPartChooser {
    private final long cap;
    private final int readable;

    /**
     * @param cap      the most bytes of a message part sent, asked or not (as for any body form)
     * @param readable the most bytes of a body's HTML read to find its message part in
     */
    BodyPartChooser(long cap, int readable) {
        this.cap = Math.min(cap, Integer.MAX_VALUE - 16);
        this.readable = readable;
    }

    ChosenBodyPart choose(MessageStructure structure, BodyWish wish) throws MessagingException, IOException {
        BodyForms forms = new BodyForms(structure);
        Utf8Budget whole = new Utf8Budget(readable);
        if (forms.hasHtml()) {
            forms.html(whole);
        } else {
            forms.plain(whole); // the text part alone: there is no HTML to turn into text
        }
        whole.close();
        if (whole.truncated()) {
            return new ChosenBodyPart(ChosenBodyPart.Status.TOO_LARGE, new ChosenBody(BodyType.HTML, whole.total(), true, null, null));
        }
        String source = new String(whole.bytes(), StandardCharsets.UTF_8);
        String part = forms.hasHtml() ? MessagePart.html(source) : forms.hasText() ? page(MessagePart.text(source)) : "";

        long limit = wish.truncationSize() >= 0 ? Math.min(wish.truncationSize(), cap) : cap;
        Utf8Budget sent = new Utf8Budget(limit);
        sent.write(part);
        sent.close();
        byte[] data = sent.truncated() && wish.allOrNone() ? null : sent.bytes();
        String preview = wish.preview() > 0 ? preview(part, wish.preview()) : null;
        return new ChosenBodyPart(ChosenBodyPart.Status.OK, new ChosenBody(BodyType.HTML, sent.total(), sent.truncated(), data, preview));
    }

    private static String page(String text) throws IOException {
        StringWriter page = new StringWriter();
        BodyForms.page(new StringReader(text), page);
        return page.toString();
    }

    private static String preview(String html, int length) throws IOException {
        PreviewWriter preview = new PreviewWriter(length);
        try {
            HtmlText.convert(new StringReader(html), preview);
        } catch (PreviewWriter.Enough enough) {
            // it has all it wants
        }
        return preview.text();
    }
}
