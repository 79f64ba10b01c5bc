package org.syncbridge.device;

/** What a phone tells about itself (Settings DeviceInformation); a null field is not sent. */
public record DeviceInformation(String model, String imei, String friendlyName, String os, String osLanguage,
                                String phoneNumber, String userAgent, Boolean enableOutboundSms,
                                String mobileOperator) {
}
