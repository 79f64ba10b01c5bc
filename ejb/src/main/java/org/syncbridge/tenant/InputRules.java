package org.syncbridge.tenant;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.syncbridge.directory.SmimeCertificates;
import org.syncbridge.persistence.tenant.UserPhoto;

/** What names, domains, addresses and passwords may look like. */
final class InputRules {
    /** No '@' or '\' (they split logins), no ':' (it splits Basic credentials), no spaces or controls. */
    private static final Pattern LOGIN = Pattern.compile("[^@\\\\:\\s\\p{Cntrl}]{1,128}");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62})(\\.[a-z0-9]([a-z0-9-]{0,62}))*");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,255}");

    private InputRules() {
    }

    /** A request body that must be there. */
    static <T> T body(T value) {
        if (value == null) {
            throw RequestRejected.invalid("the request needs a JSON body");
        }
        return value;
    }

    static String loginName(String value) {
        if (value == null || !LOGIN.matcher(value).matches()) {
            throw RequestRejected.invalid("login must be 1-128 characters without '@', '\\', ':' or white space");
        }
        return value;
    }

    static String contextName(String value) {
        if (value == null || !CONTEXT.matcher(value).matches()) {
            throw RequestRejected.invalid("context name must be 1-128 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    static Set<String> domains(Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String domain = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (domain.length() > 253 || !DOMAIN.matcher(domain).matches()) {
                throw RequestRejected.invalid("'" + value + "' is not a login domain");
            }
            result.add(domain);
        }
        return result;
    }

    static String address(String value) {
        if (value == null || value.length() > 320 || !ADDRESS.matcher(value).matches()) {
            throw RequestRejected.invalid("'" + value + "' is not an e-mail address");
        }
        return value;
    }

    static Set<String> addresses(Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        values.forEach(v -> result.add(address(v)));
        return result;
    }

    /** Device types as phones send them (iPhone, iPad, Android, SAMSUNGGTI9100P ...), or "*" for all. */
    static String deviceTypes(java.util.List<String> values) {
        for (String v : values) {
            if (v == null || !v.matches("\\*|[A-Za-z0-9._-]{1,64}")) {
                throw RequestRejected.invalid("'" + v + "' is not a device type");
            }
        }
        String joined = String.join(",", values);
        if (joined.length() > 1024) {
            throw RequestRejected.invalid("too many device types");
        }
        return joined;
    }

    static String password(String value) {
        if (value == null || value.isEmpty() || value.length() > 1024) {
            throw RequestRejected.invalid("password must be 1-1024 characters");
        }
        return value;
    }

    /** S/MIME certificates: each one DER X.509 certificate in base64; stored without line breaks, once each. */
    static List<String> certificates(List<String> values) {
        if (values.size() > SmimeCertificates.MAX_PER_USER) {
            throw RequestRejected.invalid("a user has at most " + SmimeCertificates.MAX_PER_USER + " certificates");
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            try {
                result.add(SmimeCertificates.canonical(SmimeCertificates.parse(value)));
            } catch (IllegalArgumentException e) {
                throw RequestRejected.invalid(e.getMessage());
            }
        }
        return List.copyOf(result);
    }

    /** A JPEG (it starts with the SOI marker and a segment) of at most {@link UserPhoto#MAX_BYTES}. */
    static byte[] jpeg(byte[] data) {
        if (data == null || data.length > UserPhoto.MAX_BYTES) {
            throw RequestRejected.invalid("a photo is at most " + UserPhoto.MAX_BYTES + " bytes");
        }
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8 || (data[2] & 0xFF) != 0xFF) {
            throw RequestRejected.invalid("a photo must be a JPEG image");
        }
        return data;
    }

    static String optionalText(String value, int maxLength, String what) {
        if (value != null && value.length() > maxLength) {
            throw RequestRejected.invalid(what + " is longer than " + maxLength + " characters");
        }
        return value == null || value.isBlank() ? null : value;
    }
}
