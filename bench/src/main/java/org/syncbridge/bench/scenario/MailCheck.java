package org.syncbridge.bench.scenario;

import org.syncbridge.bench.client.EasFailure;
import org.syncbridge.bench.client.SyncPage;
import org.syncbridge.bench.mail.MaildirLoader;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * Reads one mail a phone received and checks it against what was loaded: which message it is (its subject names
 * the number), that it is read or unread as loaded, that its body (of a type the phone asked for) is the message's,
 * and that it lists the message's attachments. A wrong mail is an {@link EasFailure}, never a measured one.
 */
final class MailCheck {
    private static final String E = "Email:";
    private static final String B = "AirSyncBase:";
    private static final Tag DATA = Tag.of("AirSync:", "ApplicationData");

    private MailCheck() {
    }

    /** What a phone got of one mail. */
    record Received(int n, String serverId, int bodyType, boolean truncated) {
    }

    /** Counts of the bodies a sync brought, for the report. */
    static final class Bodies {
        int html;
        int plain;
        int truncated;

        void add(Received r) {
            if (r.bodyType() == 2) {
                html++;
            } else {
                plain++;
            }
            if (r.truncated()) {
                truncated++;
            }
        }

        @Override
        public String toString() {
            return html + " HTML and " + plain + " plain-text bodies, " + truncated + " truncated";
        }
    }

    /** Checks an Add against the loaded message it names; {@code bodyType} is what the phone asked for. */
    static Received check(Element add, MaildirLoader.Loaded box, int bodyType) {
        Element data = add.child(DATA).orElseThrow(() -> new EasFailure("a mail Add without ApplicationData: " + add));
        String subject = data.childText(Tag.of(E, "Subject")).orElse("");
        int n = MaildirLoader.Loaded.number(subject);
        if (n < 0 || n >= box.loaded()) {
            throw new EasFailure("a mail that was not loaded: '" + subject + "'");
        }
        return check(add, n, box.subjects()[n], box.attachments()[n], box.seen().get(n), bodyType);
    }

    static Received check(Element add, int n, String subject, int attachments, boolean seen, int bodyType) {
        String serverId = SyncPage.serverId(add);
        Element data = add.child(DATA).orElseThrow(() -> new EasFailure("a mail Add without ApplicationData: " + add));
        String got = data.childText(Tag.of(E, "Subject")).orElse("");
        if (!got.equals(subject)) {
            throw new EasFailure("mail " + serverId + ": subject '" + got + "', expected '" + subject + "'");
        }
        String read = data.childText(Tag.of(E, "Read")).orElse("");
        if (!read.equals(seen ? "1" : "0")) {
            throw new EasFailure("mail #" + n + " arrived with Read '" + read + "' although it is " + (seen ? "read" : "unread"));
        }
        Element body = data.child(Tag.of(B, "Body")).orElseThrow(() -> new EasFailure("mail #" + n + " arrived without a Body"));
        int type = Integer.parseInt(body.childText(Tag.of(B, "Type")).orElse("0"));
        if (type != bodyType && type != 1) {
            throw new EasFailure("mail #" + n + ": body type " + type + " although the phone asked for " + bodyType);
        }
        String text = body.childText(Tag.of(B, "Data")).orElse("");
        if (!text.contains("#" + n)) {
            throw new EasFailure("mail #" + n + ": the body is not this message's: '" + text.substring(0, Math.min(80, text.length())) + "'");
        }
        int listed = data.child(Tag.of(B, "Attachments")).map(a -> a.children(Tag.of(B, "Attachment")).size()).orElse(0);
        if (listed != attachments) {
            throw new EasFailure("mail #" + n + " lists " + listed + " attachments instead of " + attachments);
        }
        return new Received(n, serverId, type, "1".equals(body.childText(Tag.of(B, "Truncated")).orElse("0")));
    }
}
