package org.syncbridge.web.eas;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request line of an EAS POST (MS-ASHTTP 2.2.1.1.1): the plain query
 * ({@code Cmd=...&User=...&DeviceId=...&DeviceType=...}) or the base64-encoded byte sequence, with
 * the version and policy key that the base64 form carries instead of headers.
 *
 * @param version    from the base64 form; empty for the plain form (the header tells)
 * @param policyKey  from the base64 form; null when absent
 * @param parameters command parameters (AttachmentName, CollectionId, ItemId, LongId, Occurrence,
 *                   SaveInSent, AcceptMultiPart ...), by their plain-query names
 */
public record EasQuery(String command, String user, String deviceId, String deviceType,
                       Optional<ProtocolVersion> version, Long policyKey, Map<String, String> parameters) {

    /** Thrown for a query a client cannot have meant; answered with HTTP 400. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /** Base64 has no '&', and a base64 query cannot start with "Cmd=". */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("(^|&)Cmd=");
    private static final String[] COMMANDS = new String[24];
    private static final String[] PARAMETERS = {"AttachmentName", "CollectionId", null, "ItemId", "LongId", null, "Occurrence", "Options", "User"};

    static {
        String[] named = {"0:Sync", "1:SendMail", "2:SmartForward", "3:SmartReply", "4:GetAttachment", "9:FolderSync",
            "10:FolderCreate", "11:FolderDelete", "12:FolderUpdate", "13:MoveItems", "14:GetItemEstimate",
            "15:MeetingResponse", "16:Search", "17:Settings", "18:Ping", "19:ItemOperations", "20:Provision",
            "21:ResolveRecipients", "22:ValidateCert", "23:Find"};
        for (String entry : named) {
            String[] parts = entry.split(":");
            COMMANDS[Integer.parseInt(parts[0])] = parts[1];
        }
    }

    public static EasQuery parse(String rawQuery) throws Invalid {
        if (rawQuery == null || rawQuery.isEmpty()) {
            throw new Invalid("the request has no query");
        }
        EasQuery query = PLAIN.matcher(rawQuery).find() ? plain(rawQuery) : base64(rawQuery);
        if (query.command == null || query.command.isEmpty()) {
            throw new Invalid("the query names no command");
        }
        if (query.deviceId == null || query.deviceId.isEmpty() || query.deviceId.length() > 128) {
            throw new Invalid("the query has no valid DeviceId");
        }
        if (query.deviceType == null || query.deviceType.isEmpty() || query.deviceType.length() > 64) {
            throw new Invalid("the query has no valid DeviceType");
        }
        return query;
    }

    private static EasQuery plain(String rawQuery) throws Invalid {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        String command = values.remove("Cmd");
        String user = values.remove("User");
        String deviceId = values.remove("DeviceId");
        String deviceType = values.remove("DeviceType");
        return new EasQuery(command, user, deviceId, deviceType, Optional.empty(), null, values);
    }

    private static String decode(String s) throws Invalid {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Invalid("the query is not URL-encoded correctly");
        }
    }

    private static EasQuery base64(String rawQuery) throws Invalid {
        byte[] bytes;
        try {
            bytes = java.util.Base64.getDecoder().decode(percentDecoded(rawQuery));
        } catch (IllegalArgumentException e) {
            throw new Invalid("the query is neither a plain nor a base64-encoded EAS query");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int versionCode = in.get() & 0xff;
            ProtocolVersion version = ProtocolVersion.ofCode(versionCode)
                    .orElseThrow(() -> new Invalid("unsupported protocol version " + versionCode));
            int commandCode = in.get() & 0xff;
            String command = commandCode < COMMANDS.length ? COMMANDS[commandCode] : null;
            if (command == null) {
                throw new Invalid("unknown command code " + commandCode);
            }
            in.getShort(); // locale: not used
            String deviceId = deviceIdText(field(in));
            int keyLength = in.get() & 0xff;
            Long policyKey = switch (keyLength) {
                case 0 -> null;
                case 4 -> in.getInt() & 0xffffffffL;
                default -> throw new Invalid("a policy key has 0 or 4 bytes, not " + keyLength);
            };
            String deviceType = new String(field(in), StandardCharsets.UTF_8);
            Map<String, String> parameters = new LinkedHashMap<>();
            String user = null;
            while (in.hasRemaining()) {
                int tag = in.get() & 0xff;
                byte[] value = field(in);
                String name = tag < PARAMETERS.length ? PARAMETERS[tag] : null;
                if (name == null) {
                    throw new Invalid("unknown command parameter tag " + tag);
                }
                if (name.equals("User")) {
                    user = new String(value, StandardCharsets.UTF_8);
                } else if (name.equals("Options")) {
                    int flags = value.length == 0 ? 0 : value[0];
                    if ((flags & 0x01) != 0) parameters.put("SaveInSent", "T");
                    if ((flags & 0x02) != 0) parameters.put("AcceptMultiPart", "T");
                } else {
                    parameters.put(name, new String(value, StandardCharsets.UTF_8));
                }
            }
            return new EasQuery(command, user, deviceId, deviceType, Optional.of(version), policyKey, parameters);
        } catch (java.nio.BufferUnderflowException e) {
            throw new Invalid("the base64-encoded query is truncated");
        }
    }

    /** Undoes %XX escapes only: a '+' in base64 is a plus, not the space URLDecoder would make of it. */
    private static String percentDecoded(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                out.append((char) Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] field(ByteBuffer in) {
        byte[] value = new byte[in.get() & 0xff];
        in.get(value);
        return value;
    }

    /** Device IDs are text in practice; a binary one (a GUID) is kept as hex, as other servers do. */
    private static String deviceIdText(byte[] raw) {
        for (byte b : raw) {
            if (b < 0x20 || b > 0x7e) {
                return HexFormat.of().formatHex(raw);
            }
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }

    /** The same query with one more parameter (a header that may stand for one, such as MS-ASAcceptMultiPart). */
    public EasQuery with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(parameters);
        more.put(name, value);
        return new EasQuery(command, user, deviceId, deviceType, version, policyKey, more);
    }

    /** A plain-query parameter that is true when "T" (SaveInSent, AcceptMultiPart). */
    public boolean flag(String name) {
        return "T".equalsIgnoreCase(parameters.get(name));
    }
}
