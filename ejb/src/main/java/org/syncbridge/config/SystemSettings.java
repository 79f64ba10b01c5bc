package org.syncbridge.config;

import java.util.logging.Logger;

/** Product settings: WildFly system properties set by configure.cli, with the same defaults as there. */
public final class SystemSettings {
    private static final Logger LOG = Logger.getLogger(SystemSettings.class.getName());

    private SystemSettings() {
    }

    public static int intValue(String name, int defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            LOG.warning(() -> "System property " + name + "='" + value + "' is not a number; using " + defaultValue);
            return defaultValue;
        }
    }
}
