package org.syncbridge.mail.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The binary id by which Exchange and phones know a meeting (MS-ASEMAIL 2.2.2.37 GlobalObjId, MS-OXOCAL 2.2.1.27
 * PidLidGlobalObjectId) and its relation to the iCalendar UID (MS-OXCICAL UID, MS-ASEMAIL 3.1.4.7). A UID that is the
 * hex form of such an id (Exchange, Outlook) is decoded; any other UID is wrapped in the "vCal-Uid" form. The creation
 * time is left zero, as in MS-ASEMAIL's example, so that one UID always gives the same id and a phone can tie an update
 * to the meeting it already has.
 */
public final class GlobalObjectId {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final byte[] CLASS_ID = HEX.parseHex("040000008200E00074C5B7101A82E008");
    private static final byte[] VCAL_UID = "vCal-Uid".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VCAL_VERSION = {1, 0, 0, 0};
    /** Class id, instance date, creation time, reserved, data size. */
    private static final int HEADER = 16 + 4 + 8 + 8 + 4;
    private static final int INSTANCE_DATE = 16;

    private GlobalObjectId() {
    }

    /** The id of {@code uid}; with {@code instance}, the original date of one occurrence of a recurring meeting. */
    public static byte[] of(String uid, LocalDate instance) {
        byte[] id = fromHex(uid).orElseGet(() -> vCal(uid));
        if (instance != null) {
            id[INSTANCE_DATE] = (byte) (instance.getYear() >> 8);
            id[INSTANCE_DATE + 1] = (byte) instance.getYear();
            id[INSTANCE_DATE + 2] = (byte) instance.getMonthValue();
            id[INSTANCE_DATE + 3] = (byte) instance.getDayOfMonth();
        }
        return id;
    }

    /** The UID an id stands for (MS-ASEMAIL 3.1.4.7); empty when the bytes are not such an id. */
    public static Optional<String> uid(byte[] id) {
        if (id.length < HEADER || !Arrays.equals(id, 0, CLASS_ID.length, CLASS_ID, 0, CLASS_ID.length)) {
            return Optional.empty();
        }
        int size = dataSize(id);
        if (size != id.length - HEADER) {
            return Optional.empty();
        }
        int marker = HEADER + VCAL_UID.length;
        if (size > VCAL_UID.length + VCAL_VERSION.length && Arrays.equals(id, HEADER, marker, VCAL_UID, 0, VCAL_UID.length)) {
            int end = id.length;
            if (id[end - 1] == 0) {
                end--;
            }
            int start = marker + VCAL_VERSION.length;
            return Optional.of(new String(id, start, end - start, StandardCharsets.UTF_8));
        }
        byte[] clean = id.clone();
        Arrays.fill(clean, INSTANCE_DATE, INSTANCE_DATE + 4, (byte) 0);
        return Optional.of(HEX.formatHex(clean));
    }

    /** The bytes of a UID that is itself the hex of an id with a consistent size. */
    private static Optional<byte[]> fromHex(String uid) {
        String hex = uid.trim();
        if (hex.length() < HEADER * 2 || hex.length() % 2 != 0
                || !hex.toUpperCase(Locale.ROOT).startsWith(HEX.formatHex(CLASS_ID)) || !hex.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        byte[] id = HEX.parseHex(hex);
        return dataSize(id) == id.length - HEADER ? Optional.of(id) : Optional.empty();
    }

    private static byte[] vCal(String uid) {
        byte[] text = uid.getBytes(StandardCharsets.UTF_8);
        int size = VCAL_UID.length + VCAL_VERSION.length + text.length + 1;
        ByteBuffer id = ByteBuffer.allocate(HEADER + size).order(ByteOrder.LITTLE_ENDIAN);
        id.put(CLASS_ID).position(HEADER - 4);
        id.putInt(size).put(VCAL_UID).put(VCAL_VERSION).put(text).put((byte) 0);
        return id.array();
    }

    private static int dataSize(byte[] id) {
        return ByteBuffer.wrap(id, HEADER - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }
}
