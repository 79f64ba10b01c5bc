package org.syncbridge.web.eas.timezone;

import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The time zone of a calendar item or task on the EAS wire (MS-ASDTYPE 2.7.6, MS-ASCAL Calendar:TimeZone):
 * Windows' TIME_ZONE_INFORMATION, base64 in the XML. It holds one year's rules, so both directions take the
 * year they are about, usually that of the item's start.
 *
 * <pre>{@code
 * String wire = EasTimeZone.encodeBase64(ZoneId.of("Europe/Berlin"), 2025);
 * ZoneId zone = EasTimeZone.decodeBase64(wire, 2025).orElse(userDefault); // Europe/Berlin
 * }</pre>
 */
public final class EasTimeZone {

    private EasTimeZone() {
    }

    /**
     * The structure for {@code zone}'s rules in force at the end of {@code year}: its offsets, its DST
     * transitions of that year as recurring day-in-month rules, and its Windows id as both names (Exchange
     * writes one name twice too), empty where CLDR knows none.
     */
    public static byte[] encode(ZoneId zone, int year) {
        String name = WindowsZones.windowsId(zone).orElse("");
        return TimeZoneInformation.of(YearRules.of(zone, year), name).toBytes();
    }

    public static String encodeBase64(ZoneId zone, int year) {
        return Base64.getEncoder().encodeToString(encode(zone, year));
    }

    /**
     * The IANA zone a phone's structure means, judged by what it does in {@code year} (an absolute date's own
     * year if it has those): the zone CLDR names for its standard or daylight name if that is a Windows id and
     * the zone's rules agree; else the best-ranked zone ({@link WindowsZones#ranked}) whose offsets and DST
     * instants that year equal a reading of the structure, the most literal reading first
     * ({@link TimeZoneInformation#readings}); else the fixed standard offset. Empty for bytes that are no
     * such structure, never a guess at GMT.
     */
    public static Optional<ZoneId> decode(byte[] blob, int year) {
        TimeZoneInformation tz;
        try {
            tz = TimeZoneInformation.parse(blob);
        } catch (MalformedTimeZone e) {
            return Optional.empty();
        }
        int ruleYear = tz.daylightDate().isAbsolute() ? tz.daylightDate().year() : year;
        List<YearRules> readings = tz.readings(ruleYear);
        Optional<ZoneId> named = Stream.of(tz.standardName(), tz.daylightName()).distinct()
                .map(WindowsZones::zone).flatMap(Optional::stream)
                .filter(zone -> readings.contains(YearRules.of(zone, ruleYear))).findFirst();
        if (named.isPresent()) {
            return named;
        }
        ZoneId best = readings.get(0).standard();
        int bestReading = readings.size();
        for (ZoneId zone : WindowsZones.ranked()) {
            int reading = readings.indexOf(YearRules.of(zone, ruleYear));
            if (reading >= 0 && reading < bestReading) {
                best = zone;
                bestReading = reading;
                if (reading == 0) {
                    break;
                }
            }
        }
        return Optional.of(best);
    }

    /** As {@link #decode(byte[], int)}; empty for no text or text that is not base64 (whitespace is ignored). */
    public static Optional<ZoneId> decodeBase64(String base64, int year) {
        if (base64 == null) {
            return Optional.empty();
        }
        try {
            return decode(Base64.getDecoder().decode(base64.replaceAll("\\s", "")), year);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
