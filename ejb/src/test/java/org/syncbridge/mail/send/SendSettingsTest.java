package org.syncbridge.mail.send;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SendSettingsTest {

    @AfterEach
    void forget() {
        System.clearProperty(SendSettings.SAVE_IN_SENT);
        System.clearProperty(SendSettings.SAVE_IN_SENT + ".acme");
    }

    @Test
    void aCopyInSentAsTheDeviceAsksUnlessTheAdminSaysAlways() {
        assertTrue(SendSettings.saveInSent("acme", true));
        assertFalse(SendSettings.saveInSent("acme", false), "the spec's default: only when asked");
        System.setProperty(SendSettings.SAVE_IN_SENT + ".acme", "always");
        assertTrue(SendSettings.saveInSent("acme", false), "always, for this context");
        assertFalse(SendSettings.saveInSent("other", false), "not for the others");
        System.setProperty(SendSettings.SAVE_IN_SENT, "always");
        assertTrue(SendSettings.saveInSent("other", false), "always, everywhere");
        System.setProperty(SendSettings.SAVE_IN_SENT + ".acme", "when-asked");
        assertFalse(SendSettings.saveInSent("acme", false), "a context's own setting wins");
        System.setProperty(SendSettings.SAVE_IN_SENT + ".acme", "sometimes");
        assertFalse(SendSettings.saveInSent("acme", false), "an unknown value is when-asked");
    }
}
