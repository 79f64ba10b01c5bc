package org.syncbridge.bench.ping;

/** A device to set up and park: its user's login and password, and its own DeviceId. */
record PhoneSpec(String login, String password, String deviceId) {
}
