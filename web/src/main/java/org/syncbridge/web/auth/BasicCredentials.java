package org.syncbridge.web.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The login and password of an HTTP Basic {@code Authorization} header (RFC 7617). */
public record BasicCredentials(String login, String password) {

    /**
     * Reads the header. Credentials are UTF-8 as RFC 7617 asks; bytes that are not valid UTF-8 are
     * read as ISO-8859-1, which older clients send.
     */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String decoded = decode(raw);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    private static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public String toString() {
        return "BasicCredentials[login=" + login + "]";
    }
}
