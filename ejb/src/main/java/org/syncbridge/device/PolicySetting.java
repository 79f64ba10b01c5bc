package org.syncbridge.device;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every device policy setting of MS-ASPROV's EASProvisionDoc, in the order phones receive them,
 * with the default of a policy that asks nothing of the device, the values it accepts, and the
 * protocol version that introduced it. The admin API and the Provision command both read this table.
 */
public enum PolicySetting {
    DevicePasswordEnabled(Kind.FLAG, "0", "12.0"),
    AlphanumericDevicePasswordRequired(Kind.FLAG, "0", "12.0"),
    PasswordRecoveryEnabled(Kind.FLAG, "0", "12.0"),
    RequireStorageCardEncryption(Kind.FLAG, "0", "12.0"),
    AttachmentsEnabled(Kind.FLAG, "1", "12.0"),
    MinDevicePasswordLength(Kind.NUMBER_OR_EMPTY, "", "12.0", 1, 16),
    MaxInactivityTimeDeviceLock(Kind.NUMBER_OR_EMPTY, "", "12.0", 0, 9999),
    MaxDevicePasswordFailedAttempts(Kind.NUMBER_OR_EMPTY, "", "12.0", 4, 16),
    MaxAttachmentSize(Kind.NUMBER_OR_EMPTY, "", "12.0", 0, Integer.MAX_VALUE),
    AllowSimpleDevicePassword(Kind.FLAG, "1", "12.0"),
    DevicePasswordExpiration(Kind.NUMBER_OR_EMPTY, "", "12.0", 0, 9999),
    DevicePasswordHistory(Kind.NUMBER, "0", "12.0", 0, 50),
    AllowStorageCard(Kind.FLAG, "1", "12.1"),
    AllowCamera(Kind.FLAG, "1", "12.1"),
    RequireDeviceEncryption(Kind.FLAG, "0", "12.1"),
    AllowUnsignedApplications(Kind.FLAG, "1", "12.1"),
    AllowUnsignedInstallationPackages(Kind.FLAG, "1", "12.1"),
    MinDevicePasswordComplexCharacters(Kind.NUMBER, "1", "12.1", 1, 4),
    AllowWiFi(Kind.FLAG, "1", "12.1"),
    AllowTextMessaging(Kind.FLAG, "1", "12.1"),
    AllowPOPIMAPEmail(Kind.FLAG, "1", "12.1"),
    AllowBluetooth(Kind.NUMBER, "2", "12.1", 0, 2),
    AllowIrDA(Kind.FLAG, "1", "12.1"),
    RequireManualSyncWhenRoaming(Kind.FLAG, "0", "12.1"),
    AllowDesktopSync(Kind.FLAG, "1", "12.1"),
    MaxCalendarAgeFilter(Kind.CHOICE, "0", "12.1", "0", "4", "5", "6", "7"),
    AllowHTMLEmail(Kind.FLAG, "1", "12.1"),
    MaxEmailAgeFilter(Kind.NUMBER, "0", "12.1", 0, 5),
    MaxEmailBodyTruncationSize(Kind.NUMBER, "-1", "12.1", -1, Integer.MAX_VALUE),
    MaxEmailHTMLBodyTruncationSize(Kind.NUMBER, "-1", "12.1", -1, Integer.MAX_VALUE),
    RequireSignedSMIMEMessages(Kind.FLAG, "0", "12.1"),
    RequireEncryptedSMIMEMessages(Kind.FLAG, "0", "12.1"),
    RequireSignedSMIMEAlgorithm(Kind.NUMBER, "0", "12.1", 0, 1),
    RequireEncryptionSMIMEAlgorithm(Kind.NUMBER, "0", "12.1", 0, 4),
    AllowSMIMEEncryptionAlgorithmNegotiation(Kind.NUMBER, "2", "12.1", 0, 2),
    AllowSMIMESoftCerts(Kind.FLAG, "1", "12.1"),
    AllowBrowser(Kind.FLAG, "1", "12.1"),
    AllowConsumerEmail(Kind.FLAG, "1", "12.1"),
    AllowRemoteDesktop(Kind.FLAG, "1", "12.1"),
    AllowInternetSharing(Kind.FLAG, "1", "12.1"),
    /** Names of in-ROM applications that may not run, separated by ';'. */
    UnapprovedInROMApplicationList(Kind.LIST, "", "12.1"),
    /** SHA-1 hashes (hex) of applications that may run, separated by ';'. */
    ApprovedApplicationList(Kind.LIST, "", "12.1");

    /** The shape of a setting's value. */
    public enum Kind { FLAG, NUMBER, NUMBER_OR_EMPTY, CHOICE, LIST }

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");

    private final Kind kind;
    private final String defaultValue;
    private final String sinceVersion;
    private final long min;
    private final long max;
    private final List<String> choices;

    PolicySetting(Kind kind, String defaultValue, String sinceVersion) {
        this(kind, defaultValue, sinceVersion, 0, 1);
    }

    PolicySetting(Kind kind, String defaultValue, String sinceVersion, long min, long max) {
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.sinceVersion = sinceVersion;
        this.min = min;
        this.max = max;
        this.choices = List.of();
    }

    PolicySetting(Kind kind, String defaultValue, String sinceVersion, String... choices) {
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.sinceVersion = sinceVersion;
        this.min = 0;
        this.max = 0;
        this.choices = List.of(choices);
    }

    public Kind kind() {
        return kind;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The EAS protocol version that introduced the setting ("12.0" or "12.1"). */
    public String sinceVersion() {
        return sinceVersion;
    }

    /** Every setting's value: the stored one where the admin set it, else the default. */
    public static Map<PolicySetting, String> valuesOf(Map<String, String> stored) {
        Map<PolicySetting, String> values = new EnumMap<>(PolicySetting.class);
        for (PolicySetting setting : values()) {
            values.put(setting, stored.getOrDefault(setting.name(), setting.defaultValue()));
        }
        return values;
    }

    public static Optional<PolicySetting> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** The value in its stored form, or empty when it is not acceptable for this setting. */
    public Optional<String> normalize(String value) {
        String v = value == null ? "" : value.trim();
        boolean ok = switch (kind) {
            case FLAG -> v.equals("0") || v.equals("1");
            case NUMBER -> inRange(v);
            case NUMBER_OR_EMPTY -> v.isEmpty() || inRange(v);
            case CHOICE -> choices.contains(v);
            case LIST -> v.length() <= 255;
        };
        return ok ? Optional.of(v) : Optional.empty();
    }

    private boolean inRange(String v) {
        if (!INTEGER.matcher(v).matches()) {
            return false;
        }
        long n = Long.parseLong(v);
        return n >= min && n <= max;
    }
}
