package org.syncbridge.device;

/** An admin's remote wipe; {@code accountOnly} removes only this account (EAS 16.1 devices). */
public record WipeRequest(Boolean accountOnly) {
}
