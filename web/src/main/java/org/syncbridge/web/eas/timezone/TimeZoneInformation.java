package org.syncbridge.web.eas.timezone;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The TimeZone structure of MS-ASDTYPE 2.7.6, Windows' TIME_ZONE_INFORMATION: 172 bytes, little-endian.
 * Biases are minutes to add to local time to get UTC: {@code bias} always, plus {@code standardBias} or
 * {@code daylightBias} (usually 0 and -60) between the transition dates when both are set.
 */
record TimeZoneInformation(int bias, String standardName, SystemTime standardDate, int standardBias,
        String daylightName, SystemTime daylightDate, int daylightBias) {

    static final int LENGTH = 172;
    private static final int NAME_BYTES = 64;
    private static final int MAX_BIAS = 18 * 60; // java.time's limit, and beyond any zone on earth

    /** The structure for {@code rules}, named like Exchange does: the same name for standard and daylight time. */
    static TimeZoneInformation of(YearRules rules, String name) {
        int bias = -rules.standard().getTotalSeconds() / 60;
        if (!rules.hasDst()) {
            return new TimeZoneInformation(bias, name, SystemTime.NONE, 0, name, SystemTime.NONE, 0);
        }
        int saving = (rules.daylight().getTotalSeconds() - rules.standard().getTotalSeconds()) / 60;
        return new TimeZoneInformation(bias, name, SystemTime.recurring(rules.standardStartWallTime()), 0,
                name, SystemTime.recurring(rules.daylightStartWallTime()), -saving);
    }

    static TimeZoneInformation parse(byte[] bytes) throws MalformedTimeZone {
        if (bytes.length != LENGTH) {
            throw new MalformedTimeZone("a time zone has " + LENGTH + " bytes, not " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        TimeZoneInformation tz = new TimeZoneInformation(in.getInt(), name(in), SystemTime.read(in), in.getInt(),
                name(in), SystemTime.read(in), in.getInt());
        for (long total : new long[] {tz.bias, (long) tz.bias + tz.standardBias, (long) tz.bias + tz.daylightBias}) {
            if (Math.abs(total) > MAX_BIAS) {
                throw new MalformedTimeZone("a bias beyond 18 hours: " + total + " minutes");
            }
        }
        return tz;
    }

    byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(bias);
        putName(out, standardName);
        standardDate.write(out);
        out.putInt(standardBias);
        putName(out, daylightName);
        daylightDate.write(out);
        out.putInt(daylightBias);
        return out.array();
    }

    /**
     * What this can mean in {@code year}, most literal first, without repeats: as MS-DTYP says; with the
     * transition times read as wall time after the change (some phones and servers write that); with week 4 read
     * as the last week (see {@link SystemTime#in}); both. Without two dates and a saving there is no DST, and
     * the standard bias does not apply.
     */
    List<YearRules> readings(int year) {
        ZoneOffset standard = offset(bias + standardBias);
        ZoneOffset daylight = offset(bias + daylightBias);
        if (!standardDate.isSet() || !daylightDate.isSet() || standard.equals(daylight)) {
            return List.of(YearRules.withoutDst(offset(bias)));
        }
        Set<YearRules> readings = new LinkedHashSet<>();
        for (boolean fourthIsLast : new boolean[] {false, true}) {
            for (boolean wallTimeAfter : new boolean[] {false, true}) {
                LocalDateTime toDaylight = daylightDate.in(year, fourthIsLast);
                LocalDateTime toStandard = standardDate.in(year, fourthIsLast);
                readings.add(new YearRules(standard, daylight, toDaylight.toInstant(wallTimeAfter ? daylight : standard),
                        toStandard.toInstant(wallTimeAfter ? standard : daylight)));
            }
        }
        return List.copyOf(readings);
    }

    private static ZoneOffset offset(int biasMinutes) {
        return ZoneOffset.ofTotalSeconds(-biasMinutes * 60);
    }

    /** Up to the first NUL: Exchange fills all 32 characters without one. */
    private static String name(ByteBuffer in) {
        byte[] utf16 = new byte[NAME_BYTES];
        in.get(utf16);
        String name = new String(utf16, StandardCharsets.UTF_16LE);
        int nul = name.indexOf('\0');
        return nul < 0 ? name : name.substring(0, nul);
    }

    /** At most 31 characters, so that Windows finds its NUL. */
    private static void putName(ByteBuffer out, String name) {
        byte[] utf16 = name.getBytes(StandardCharsets.UTF_16LE);
        out.put(utf16, 0, Math.min(utf16.length, NAME_BYTES - 2));
        out.position(out.position() + NAME_BYTES - Math.min(utf16.length, NAME_BYTES - 2));
    }
}
