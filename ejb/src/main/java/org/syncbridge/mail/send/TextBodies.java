package org.syncbridge.mail.send;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text a mail shows as its body: its HTML and its plain text leaf (either may be missing), found the way mail
 * programs find them: the first part of a mixed, the root of a related, every alternative. Signed or encrypted
 * content has none we may touch.
 *
 * @param html  the text/html leaf, or null
 * @param plain the text/plain leaf, or null
 */
record TextBodies(MimeEntity html, MimeEntity plain) {
    static final TextBodies NONE = new TextBodies(null, null);

    static TextBodies of(MimeEntity e) {
        if (e.isAttachment()) {
            return NONE;
        }
        if (!e.isMultipart()) {
            return switch (e.type) {
                case "text/html" -> new TextBodies(e, null);
                case "text/plain" -> new TextBodies(null, e);
                default -> NONE;
            };
        }
        if (e.parts.isEmpty()) {
            return NONE;
        }
        return switch (e.subtype()) {
            case "alternative" -> {
                MimeEntity html = null;
                MimeEntity plain = null;
                for (MimeEntity part : e.parts) {
                    TextBodies found = of(part);
                    html = html == null ? found.html() : html;
                    plain = plain == null ? found.plain() : plain;
                }
                yield new TextBodies(html, plain);
            }
            case "related" -> of(root(e));
            case "signed", "encrypted" -> NONE;
            default -> of(e.parts.get(0));
        };
    }

    /** The root of a multipart/related: the part its start parameter names, else the first. */
    private static MimeEntity root(MimeEntity related) {
        String start = related.contentType.getParameter("start");
        if (start != null) {
            for (MimeEntity part : related.parts) {
                Optional<String> id = part.field("Content-ID").map(f -> f.value().trim());
                if (id.isPresent() && id.get().equals(start.trim())) {
                    return part;
                }
            }
        }
        return related.parts.get(0);
    }

    boolean isEmpty() {
        return html == null && plain == null;
    }

    /**
     * What a forward carries of the original besides its text: every other leaf, as it is (attachments, inline
     * images, attached messages, an invitation's calendar part), but not a signature that signs nothing sent.
     */
    static List<MimeEntity> attachments(MimeEntity original) {
        TextBodies text = of(original);
        List<MimeEntity> carried = new ArrayList<>();
        for (MimeEntity leaf : original.leaves()) {
            if (leaf == original || leaf == text.html || leaf == text.plain) {
                continue; // a single-part mail carries only its text; its header fields are the mail's own
            }
            if (leaf.type.endsWith("pkcs7-signature") || leaf.type.equals("application/pgp-signature")) {
                continue;
            }
            carried.add(leaf);
        }
        return carried;
    }
}
