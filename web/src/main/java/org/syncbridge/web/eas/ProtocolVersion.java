package org.syncbridge.web.eas;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The EAS protocol versions this server speaks, oldest first. */
public enum ProtocolVersion {
    V2_5("2.5", 25), V12_0("12.0", 120), V12_1("12.1", 121), V14_0("14.0", 140), V14_1("14.1", 141),
    V16_0("16.0", 160), V16_1("16.1", 161);

    /** The MS-ASProtocolVersions header of OPTIONS. */
    public static final String ALL = Arrays.stream(values()).map(v -> v.text).collect(Collectors.joining(","));

    private final String text;
    private final int code;

    ProtocolVersion(String text, int code) {
        this.text = text;
        this.code = code;
    }

    /** From the MS-ASProtocolVersion header. */
    public static Optional<ProtocolVersion> parse(String text) {
        return Arrays.stream(values()).filter(v -> v.text.equals(text == null ? "" : text.trim())).findFirst();
    }

    /** From the byte of the base64-encoded query (e.g. 141 for 14.1). */
    public static Optional<ProtocolVersion> ofCode(int code) {
        return Arrays.stream(values()).filter(v -> v.code == code).findFirst();
    }

    public boolean atLeast(ProtocolVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
