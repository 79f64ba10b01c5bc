package org.syncbridge.mail.send;

import java.util.Locale;
import java.util.logging.Logger;
import org.syncbridge.config.SystemSettings;

/** The admin's settings for sending: WildFly system properties set by configure.cli. */
final class SendSettings {
    private static final Logger LOG = Logger.getLogger(SendSettings.class.getName());
    /** "when-asked" (the spec: only with SaveInSentItems / SaveInSent=T) or "always"; ".<context>" overrides it for one context. */
    static final String SAVE_IN_SENT = "syncbridge.mail.save-in-sent";
    /** The largest message submitted, in bytes, after the original was added. */
    static final String MAX_BYTES = "syncbridge.mail.send.max-bytes";

    private SendSettings() {
    }

    /** Whether a copy goes to Sent: as the device asked, or always where the admin says so for clients that never ask. */
    static boolean saveInSent(String contextName, boolean asked) {
        String value = System.getProperty(SAVE_IN_SENT + "." + contextName, System.getProperty(SAVE_IN_SENT, "when-asked"));
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "always":
                return true;
            case "when-asked":
                return asked;
            default:
                LOG.warning(() -> "System property " + SAVE_IN_SENT + "='" + value + "' is neither always nor when-asked; using when-asked");
                return asked;
        }
    }

    static long maxBytes() {
        return SystemSettings.intValue(MAX_BYTES, 50 << 20);
    }
}
