package org.syncbridge.device;

/**
 * What a phone's request says about the device, whatever the protocol's envelope.
 *
 * @param presentedPolicyKey the policy key the device sent, or null when it sent none
 */
public record DeviceCall(String deviceId, String deviceType, String userAgent, String protocolVersion,
                         Long presentedPolicyKey) {
}
