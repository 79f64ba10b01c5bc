package org.syncbridge.web.eas.item;

import static org.syncbridge.web.eas.ProtocolVersion.V16_1;
import static org.syncbridge.web.eas.item.ItemField.date;
import static org.syncbridge.web.eas.item.ItemField.text;

import java.util.List;
import org.syncbridge.mail.message.EmailProperties;
import org.syncbridge.mail.message.MailSummary;

/**
 * A mail as a Find result shows it (MS-ASCMD 2.2.3.139.1, EAS 16.1), over the property names of
 * {@link EmailProperties} and {@link MailSummary}, in the spec's order. Find's own elements (DisplayCc, DisplayBcc,
 * Preview, HasAttachments) are in the Find namespace, the others are Email's and Email2's.
 */
public final class FindFields {
    private static final String E = "Email:";
    private static final String F = "Find:";

    public static final List<ItemField> TABLE = List.of(
            text(E, "Subject", V16_1), date(E, "DateReceived", V16_1), text(E, "DisplayTo", V16_1),
            text(F, "DisplayCc", V16_1).as(MailSummary.DISPLAY_CC), text(F, "DisplayBcc", V16_1).as(MailSummary.DISPLAY_BCC),
            text(E, "Importance", V16_1), text(E, "Read", V16_1), text("Email2:", "IsDraft", V16_1),
            text(F, "Preview", V16_1).as(MailSummary.PREVIEW), text(F, "HasAttachments", V16_1).as(MailSummary.HAS_ATTACHMENTS),
            text(E, "From", V16_1));

    private FindFields() {
    }
}
