package org.syncbridge.device;

/** A device as a request found it in the registry, with the gate's verdict for this request. */
public record DeviceEntry(long id, String deviceId, String deviceType, DeviceGate gate) {
}
