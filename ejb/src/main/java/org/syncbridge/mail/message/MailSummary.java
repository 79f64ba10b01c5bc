package org.syncbridge.mail.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Find result (MS-ASCMD 2.2.3.139.1, EAS 16.1) shows of a mail besides its Email properties: the display names
 * of Cc and Bcc (as DisplayTo is made), a plain-text preview, and whether it has attachments of its own (an image
 * shown inside the text does not count).
 */
public final class MailSummary {
    /** Display names separated by "; ", like {@link EmailProperties#DISPLAY_TO}. */
    public static final String DISPLAY_CC = "displayCc", DISPLAY_BCC = "displayBcc";
    /** Plain text, at most {@link #PREVIEW_LENGTH} characters. */
    public static final String PREVIEW = "preview";
    /** "1" or "0". */
    public static final String HAS_ATTACHMENTS = "hasAttachments";
    /** MS-ASCMD Preview (Find): up to 255 characters. */
    public static final int PREVIEW_LENGTH = 255;
    /** What a summary asks of the mail reader: a preview, and no body. */
    public static final BodyRequest BODIES = new BodyRequest(List.of(new BodyWish(BodyType.PLAIN, 0, false, PREVIEW_LENGTH)),
            MimeSupport.NEVER, List.of());

    private MailSummary() {
    }

    /** The mail's properties (read with {@link #BODIES}) with the summary's. */
    public static Map<String, Object> of(Map<String, Object> email) {
        Map<String, Object> summary = new LinkedHashMap<>(email);
        String cc = displayNames(email.get(EmailProperties.CC));
        if (!cc.isEmpty()) {
            summary.put(DISPLAY_CC, cc);
        }
        String bcc = displayNames(email.get(EmailProperties.BCC));
        if (!bcc.isEmpty()) {
            summary.put(DISPLAY_BCC, bcc);
        }
        if (email.get(EmailProperties.BODY) instanceof ChosenBody body && body.preview() != null && !body.preview().isEmpty()) {
            summary.put(PREVIEW, body.preview());
        }
        boolean attached = email.get(EmailProperties.ATTACHMENTS) instanceof List<?> list
                && list.stream().anyMatch(a -> a instanceof MailAttachment m && !m.inline());
        summary.put(HAS_ATTACHMENTS, attached ? "1" : "0");
        return summary;
    }

    private static String displayNames(Object addresses) {
        return addresses instanceof String text ? Addresses.displayNames(Addresses.parse(text)) : "";
    }
}
