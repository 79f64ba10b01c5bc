package org.syncbridge.web.eas.command;

import org.syncbridge.device.DeviceInformation;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** Reads Settings:DeviceInformation/Set, which phones send in Settings and (14.1+) in Provision. */
final class DeviceInformationSet {
    static final String NS = "Settings:";
    static final Tag DEVICE_INFORMATION = Tag.of(NS, "DeviceInformation");
    static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag SET = Tag.of(NS, "Set");

    private DeviceInformationSet() {
    }

    static DeviceInformation read(Element deviceInformation) {
        Element set = deviceInformation.child(SET).orElse(deviceInformation);
        return new DeviceInformation(text(set, "Model"), text(set, "IMEI"), text(set, "FriendlyName"), text(set, "OS"),
                text(set, "OSLanguage"), text(set, "PhoneNumber"), text(set, "UserAgent"),
                set.childText(Tag.of(NS, "EnableOutboundSMS")).map("1"::equals).orElse(null), text(set, "MobileOperator"));
    }

    private static String text(Element set, String name) {
        return set.childText(Tag.of(NS, name)).orElse(null);
    }
}
