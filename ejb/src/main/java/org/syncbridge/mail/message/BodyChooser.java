package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses a mail's body for a client from its wishes (MS-ASAIRS BodyPreference) and its MIMESupport (MS-ASCMD):
 *
 * <ul>
 * <li>RTF is not offered: such a wish is skipped.</li>
 * <li>MIME goes only where MIMESupport allows it: S/MIME mail (signed or encrypted) with MIMESupport 1 or 2 goes as
 * MIME whatever the wishes (with the MIME wish's size, or whole), every mail with MIMESupport 2 when MIME is among
 * the wishes; then MIME comes before every other wish. MIMESupport 0 ("never send MIME data") drops MIME wishes,
 * and so does 1 for mail that is not S/MIME ("send regular body for all other messages").</li>
 * <li>The wishes are tried in order; a wish with AllOrNone whose body would be cut gives way to the next one; when
 * none is left, the last one tried is answered with its size and no data.</li>
 * <li>A client that names no wish gets the whole plain text; one whose only wishes were dropped gets plain text
 * with the first wish's size.</li>
 * <li>Every form is cut at the per-item cap, asked or not, so one huge mail cannot hold up a request.</li>
 * </ul>
 */
final class BodyChooser {
    private final long cap;

    /** @param cap the most bytes of any body form sent (at most 2 GiB less a little: it is held in an array) */
    BodyChooser(long cap) {
        this.cap = Math.min(cap, Integer.MAX_VALUE - 16);
    }

    /**
     * @param rawSize the size of the message's original bytes (RFC822.SIZE); 0 or less when not known
     */
    ChosenBody choose(MessageStructure structure, BodyRequest request, RawSource raw, long rawSize)
            throws MessagingException, IOException {
        List<BodyWish> candidates = order(request, structure.smime());
        BodyForms forms = new BodyForms(structure);
        ChosenBody body = null;
        for (int i = 0; i < candidates.size(); i++) {
            BodyWish wish = candidates.get(i);
            body = produce(wish, forms, raw, rawSize);
            if (!(body.truncated() && wish.allOrNone())) {
                return withPreview(body, wish, forms);
            }
        }
        BodyWish last = candidates.get(candidates.size() - 1);
        return withPreview(new ChosenBody(body.type(), body.estimatedSize(), true, null, null), last, forms);
    }

    static List<BodyWish> order(BodyRequest request, boolean smime) {
        List<BodyWish> wishes = request.wishes().isEmpty() ? List.of(BodyWish.PLAIN_WHOLE) : request.wishes();
        MimeSupport support = request.mime() == null ? MimeSupport.NEVER : request.mime();
        BodyWish mimeWish = wishes.stream().filter(w -> w.type() == BodyType.MIME).findFirst().orElse(null);
        List<BodyWish> order = new ArrayList<>();
        if (smime && support != MimeSupport.NEVER) {
            order.add(mimeWish != null ? mimeWish : new BodyWish(BodyType.MIME, -1, false, wishes.get(0).preview()));
        } else if (support == MimeSupport.ALWAYS && mimeWish != null) {
            order.add(mimeWish);
        }
        for (BodyWish w : wishes) {
            if (w.type() == BodyType.PLAIN || w.type() == BodyType.HTML) {
                order.add(w);
            }
        }
        if (order.isEmpty()) {
            BodyWish first = wishes.get(0);
            order.add(new BodyWish(BodyType.PLAIN, first.truncationSize(), first.allOrNone(), first.preview()));
        }
        return order;
    }

    private ChosenBody produce(BodyWish wish, BodyForms forms, RawSource raw, long rawSize)
            throws MessagingException, IOException {
        long limit = wish.truncationSize() >= 0 ? Math.min(wish.truncationSize(), cap) : cap;
        if (wish.type() == BodyType.MIME) {
            return mime(raw, rawSize, limit, wish.allOrNone());
        }
        Utf8Budget budget = new Utf8Budget(limit);
        if (wish.type() == BodyType.HTML) {
            forms.html(budget);
        } else {
            forms.plain(budget);
        }
        budget.close();
        return new ChosenBody(wish.type(), budget.total(), budget.truncated(), budget.bytes(), null);
    }

    /** The original bytes, at most {@code limit} of them read (and fetched, where the source can). */
    private static ChosenBody mime(RawSource raw, long rawSize, long limit, boolean allOrNone)
            throws MessagingException, IOException {
        if (rawSize > limit && allOrNone) {
            return new ChosenBody(BodyType.MIME, rawSize, true, null, null); // nothing to read: it will not be sent
        }
        boolean whole = rawSize > 0 && rawSize <= limit;
        try (InputStream in = raw.open(whole ? -1 : limit)) {
            byte[] data = in.readNBytes((int) (whole ? rawSize : limit));
            long total;
            if (rawSize <= 0) {
                total = data.length + in.transferTo(OutputStream.nullOutputStream());
            } else {
                total = data.length < Math.min(rawSize, limit) ? data.length : rawSize; // the source had less than told
            }
            return new ChosenBody(BodyType.MIME, total, total > data.length, data, null);
        }
    }

    private static ChosenBody withPreview(ChosenBody body, BodyWish wish, BodyForms forms)
            throws MessagingException, IOException {
        if (wish.preview() <= 0) {
            return body;
        }
        PreviewWriter preview = new PreviewWriter(wish.preview());
        try {
            forms.plain(preview);
        } catch (PreviewWriter.Enough enough) {
            // it has all it wants
        }
        return new ChosenBody(body.type(), body.estimatedSize(), body.truncated(), body.data(), preview.text());
    }
}
