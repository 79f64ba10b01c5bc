package org.syncbridge.device;

import java.time.Instant;

/** A device as the admin API shows it. */
public record DeviceInfo(String deviceId, String deviceType, String userAgent, String protocolVersion,
                         Instant firstSeen, Instant lastSeen, boolean provisioned, boolean blocked, String wipe,
                         Instant wipeRequestedAt, Instant wipeAcknowledgedAt, String model, String imei,
                         String friendlyName, String os, String osLanguage, String phoneNumber,
                         String mobileOperator, String recoveryPassword) {
}
