package org.syncbridge.tenant;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    static String optionalText(String value, int maxLength, String what) {
        if (value != null && value.length() > maxLength) {
            throw RequestRejected.invalid(what + " is longer than " + maxLength + " characters");
        }
        return value == null || value.isBlank() ? null : value;
    }
}
