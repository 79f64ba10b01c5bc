package org.syncbridge.web.eas.command;

import java.util.Map;
import org.syncbridge.device.PolicySetting;

/**
 * The policy as EAS 2.5 devices read it: an MS-WAP-Provisioning-XML document with the settings that
 * version knows (password, its length and complexity, wipe threshold, inactivity lock).
 */
final class WapProvisioningDoc {
    private WapProvisioningDoc() {
    }

    static String of(Map<PolicySetting, String> s) {
        boolean password = "1".equals(s.get(PolicySetting.DevicePasswordEnabled));
        String inactivity = s.get(PolicySetting.MaxInactivityTimeDeviceLock);
        boolean locks = password && !inactivity.isEmpty() && !"9999".equals(inactivity);
        String wipeAfter = s.get(PolicySetting.MaxDevicePasswordFailedAttempts);
        String minLength = s.get(PolicySetting.MinDevicePasswordLength);
        return "<wap-provisioningdoc><characteristic type=\"SecurityPolicy\">"
                + parm("4131", password ? "0" : "1") + parm("4133", "1") + "</characteristic>"
                + "<characteristic type=\"Registry\">"
                + "<characteristic type=\"HKLM\\Comm\\Security\\Policy\\LASSD\\AE\\{50C13377-C66D-400C-889E-C316FC4AB374}\">"
                + parm("AEFrequencyType", locks ? "1" : "0")
                + parm("AEFrequencyValue", locks ? String.valueOf(Math.max(1, Integer.parseInt(inactivity) / 60)) : "0")
                + "</characteristic>"
                + "<characteristic type=\"HKLM\\Comm\\Security\\Policy\\LASSD\">"
                + parm("DeviceWipeThreshold", wipeAfter.isEmpty() ? "-1" : wipeAfter) + "</characteristic>"
                + "<characteristic type=\"HKLM\\Comm\\Security\\Policy\\LASSD\">" + parm("CodewordFrequency", "3") + "</characteristic>"
                + "<characteristic type=\"HKLM\\Comm\\Security\\Policy\\LASSD\\LAP\\lap_pw\">"
                + parm("MinimumPasswordLength", minLength.isEmpty() ? "1" : minLength) + "</characteristic>"
                + "<characteristic type=\"HKLM\\Comm\\Security\\Policy\\LASSD\\LAP\\lap_pw\">"
                + parm("PasswordComplexity", "1".equals(s.get(PolicySetting.AlphanumericDevicePasswordRequired)) ? "0" : "2")
                + "</characteristic></characteristic></wap-provisioningdoc>";
    }

    private static String parm(String name, String value) {
        return "<parm name=\"" + name + "\" value=\"" + value + "\"/>";
    }
}
