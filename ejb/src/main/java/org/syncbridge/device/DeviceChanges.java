package org.syncbridge.device;

/** What an admin changes on a device; a null field stays as it is. */
public record DeviceChanges(Boolean blocked) {
}
