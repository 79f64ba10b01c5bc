package org.syncbridge.web.eas.timezone;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EasTimeZoneTest {
    private static final int YEAR = 2025;
    private static final SystemTime LAST_SUNDAY_OF_MARCH = new SystemTime(0, 3, 0, 5, 2, 0, 0, 0);
    private static final SystemTime LAST_SUNDAY_OF_OCTOBER = new SystemTime(0, 10, 0, 5, 3, 0, 0, 0);

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "Europe/London", "America/New_York", "America/Sao_Paulo", "Asia/Kolkata",
            "Australia/Sydney", "Pacific/Auckland"})
    void wellKnownZonesComeBackAsThemselves(String id) {
        ZoneId zone = ZoneId.of(id);
        assertEquals(Optional.of(zone), EasTimeZone.decode(EasTimeZone.encode(zone, YEAR), YEAR));
        assertEquals(Optional.of(zone), EasTimeZone.decodeBase64(EasTimeZone.encodeBase64(zone, YEAR), YEAR));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Berlin", "Europe/London", "America/New_York", "America/Sao_Paulo", "Asia/Kolkata",
            "Australia/Sydney", "Pacific/Auckland", "UTC"})
    void unnamedRoundTripsKeepEveryOffsetOfTheYear(String id) {
        ZoneId zone = ZoneId.of(id);
        assertSameOffsets(zone, EasTimeZone.decode(withoutNames(EasTimeZone.encode(zone, YEAR)), YEAR).orElseThrow(), YEAR);
    }

    @Test
    void utcComesBackAsEtcUtc() {
        assertEquals(Optional.of(ZoneId.of("Etc/UTC")), EasTimeZone.decode(EasTimeZone.encode(ZoneId.of("UTC"), YEAR), YEAR));
        assertEquals(Optional.of(ZoneId.of("Etc/UTC")), EasTimeZone.decode(EasTimeZone.encode(ZoneOffset.UTC, YEAR), YEAR));
        assertEquals(Optional.of(ZoneId.of("Etc/UTC")), EasTimeZone.decode(new byte[TimeZoneInformation.LENGTH], YEAR));
    }

    /** São Paulo dropped DST in 2019: a 2018 blob has its last DST rules, a 2025 blob none. */
    @Test
    void saoPauloInItsLastDstYear() throws Exception {
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        byte[] blob = EasTimeZone.encode(saoPaulo, 2018);
        TimeZoneInformation tz = TimeZoneInformation.parse(blob);
        assertEquals(new SystemTime(0, 11, 0, 1, 0, 0, 0, 0), tz.daylightDate());
        assertEquals(new SystemTime(0, 2, 0, 3, 0, 0, 0, 0), tz.standardDate());
        assertEquals(Optional.of(saoPaulo), EasTimeZone.decode(blob, 2018));
        assertSameOffsets(saoPaulo, EasTimeZone.decode(withoutNames(blob), 2018).orElseThrow(), 2018);
        assertEquals(SystemTime.NONE, TimeZoneInformation.parse(EasTimeZone.encode(saoPaulo, YEAR)).daylightDate());
    }

    /**
     * Every zone the JVM knows, named or not, comes back as a zone with the same rules for the year: what the
     * structure can say (a second DST period in one year, as around Ramadan, it cannot).
     */
    @Test
    void everyZoneComesBackWithItsRules() {
        List<String> failures = new ArrayList<>();
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            ZoneId zone = ZoneId.of(id);
            YearRules rules = YearRules.of(zone, YEAR);
            byte[] blob = EasTimeZone.encode(zone, YEAR);
            for (byte[] sent : List.of(blob, withoutNames(blob))) {
                ZoneId decoded = EasTimeZone.decode(sent, YEAR).orElseThrow();
                if (!YearRules.of(decoded, YEAR).equals(rules)) {
                    failures.add(id + " -> " + decoded);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void exchangesBrusselsBlobIsCentralEuropeanTime() {
        // the French display name is no Windows id ICU knows: the rules decide, and CLDR's largest CET zone wins
        ZoneId decoded = EasTimeZone.decodeBase64(PhoneBlobs.BRUSSELS_NAMED, YEAR).orElseThrow();
        assertEquals(ZoneId.of("Europe/Berlin"), decoded);
        assertSameOffsets(ZoneId.of("Europe/Brussels"), decoded, YEAR);
        assertEquals(Optional.of(decoded), EasTimeZone.decodeBase64(PhoneBlobs.BRUSSELS_NAMED, 2013));
    }

    @Test
    void aFourthSundayThatIsTheLastMatchesLiterally() throws Exception {
        byte[] blob = Base64.getDecoder().decode(PhoneBlobs.CENTRAL_EUROPE_FOURTH_SUNDAY);
        // 26 October 2025 is the fourth and the last Sunday
        assertEquals(YearRules.of(ZoneId.of("Europe/Berlin"), YEAR), TimeZoneInformation.parse(blob).readings(YEAR).get(0));
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), EasTimeZone.decode(blob, YEAR));
    }

    @Test
    void aFourthSundayThatIsNotTheLastIsReadAsTheLast() {
        // in 2027 the fourth Sunday of October is the 24th, the last the 31st: no zone ends DST on the 24th
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), EasTimeZone.decodeBase64(PhoneBlobs.CENTRAL_EUROPE_FOURTH_SUNDAY, 2027));
    }

    @Test
    void easternTimesWrittenAfterTheChangeAreNewYork() throws Exception {
        byte[] blob = Base64.getDecoder().decode(PhoneBlobs.EASTERN_UNNAMED);
        ZoneId newYork = ZoneId.of("America/New_York");
        assertNotEquals(YearRules.of(newYork, YEAR), TimeZoneInformation.parse(blob).readings(YEAR).get(0));
        assertEquals(Optional.of(newYork), EasTimeZone.decode(blob, YEAR));
        assertEquals(Optional.of(newYork), EasTimeZone.decode(blob, 2013));
    }

    @Test
    void aWindowsNameChoosesAmongZonesWithTheSameRules() {
        assertEquals(Optional.of(ZoneId.of("Europe/Paris")), decode(cet("Romance Standard Time", "")));
        assertEquals(Optional.of(ZoneId.of("Europe/Warsaw")), decode(cet("", "Central European Standard Time")));
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), decode(cet("", "")));
    }

    @Test
    void aWindowsNameWhoseRulesDisagreeIsIgnored() {
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), decode(cet("Eastern Standard Time", "Eastern Standard Time")));
    }

    @Test
    void unnamedBlobsPreferTheZonesCldrNames() {
        assertEquals(Optional.of(ZoneId.of("Australia/Sydney")), decodeWithoutNames(ZoneId.of("Australia/Hobart")));
        assertEquals(Optional.of(ZoneId.of("America/New_York")), decodeWithoutNames(ZoneId.of("America/Indiana/Indianapolis")));
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), decodeWithoutNames(ZoneId.of("Arctic/Longyearbyen")));
        assertEquals(Optional.of(ZoneId.of("Asia/Kolkata")), decodeWithoutNames(ZoneId.of("Asia/Calcutta")));
    }

    @Test
    void windowsMidnightIsTheEndOfTheDayBefore() {
        // Pacific SA Standard Time: DST ends on the first Saturday of April and starts on the first Saturday of
        // September, both at 23:59:59.999, i.e. at midnight at the start of the following Sunday
        TimeZoneInformation chile = new TimeZoneInformation(240, "", new SystemTime(0, 4, 6, 1, 23, 59, 59, 999), 0,
                "", new SystemTime(0, 9, 6, 1, 23, 59, 59, 999), -60);
        assertEquals(Optional.of(ZoneId.of("America/Santiago")), decode(chile));
    }

    @Test
    void absoluteDatesAreComparedInTheirOwnYear() {
        TimeZoneInformation cet2013 = new TimeZoneInformation(-60, "", new SystemTime(2013, 10, 0, 27, 3, 0, 0, 0), 0,
                "", new SystemTime(2013, 3, 0, 31, 2, 0, 0, 0), -60);
        assertEquals(Optional.of(ZoneId.of("Europe/Berlin")), decode(cet2013));
        // the year of an unset date means nothing
        TimeZoneInformation kolkata = new TimeZoneInformation(-330, "", new SystemTime(1601, 0, 0, 0, 0, 0, 0, 0), 0,
                "", new SystemTime(1601, 0, 0, 0, 0, 0, 0, 0), 0);
        assertEquals(Optional.of(ZoneId.of("Asia/Kolkata")), decode(kolkata));
    }

    @Test
    void rulesNoZoneHasGiveTheFixedStandardOffset() {
        TimeZoneInformation februaryToJune = new TimeZoneInformation(-60, "", new SystemTime(0, 6, 0, 1, 3, 0, 0, 0), 0,
                "", new SystemTime(0, 2, 0, 1, 2, 0, 0, 0), -60);
        assertEquals(Optional.of(ZoneOffset.ofHours(1)), decode(februaryToJune));
        TimeZoneInformation oddBias = new TimeZoneInformation(37, "", SystemTime.NONE, 0, "", SystemTime.NONE, 0);
        assertEquals(Optional.of(ZoneOffset.ofHoursMinutes(0, -37)), decode(oddBias));
    }

    @Test
    void base64MayBeWrappedInWhitespace() {
        String wrapped = " " + PhoneBlobs.EASTERN_UNNAMED.substring(0, 76) + "\r\n\t" + PhoneBlobs.EASTERN_UNNAMED.substring(76) + "\n";
        assertEquals(Optional.of(ZoneId.of("America/New_York")), EasTimeZone.decodeBase64(wrapped, YEAR));
    }

    @Test
    void garbageDecodesToNothing() {
        for (String text : new String[] {"", "not base64!", "xP///w==", PhoneBlobs.EASTERN_UNNAMED + "AAAA", "====", "\u00e9\u0000"}) {
            assertEquals(Optional.empty(), EasTimeZone.decodeBase64(text, YEAR), text);
        }
        assertEquals(Optional.empty(), EasTimeZone.decodeBase64(null, YEAR));
        assertEquals(Optional.empty(), EasTimeZone.decode(new byte[0], YEAR));
        assertEquals(Optional.empty(), EasTimeZone.decode(new byte[171], YEAR));
        byte[] month13 = Base64.getDecoder().decode(PhoneBlobs.EASTERN_UNNAMED);
        month13[68 + 2] = 13;
        assertEquals(Optional.empty(), EasTimeZone.decode(month13, YEAR));
    }

    /** Phone input: random bytes, and structures whose every field is random around and beyond its range. */
    @Test
    void randomInputNeverThrows() {
        Random random = new Random(172);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextBoolean() ? TimeZoneInformation.LENGTH : random.nextInt(400)];
            random.nextBytes(bytes);
            assertDoesNotThrow(() -> EasTimeZone.decode(bytes, YEAR));
            TimeZoneInformation fields = new TimeZoneInformation(random.nextInt(2400) - 1200, "", randomDate(random),
                    random.nextInt(5) - 2, randomName(random), randomDate(random), random.nextInt(200) - 120);
            assertDoesNotThrow(() -> EasTimeZone.decode(fields.toBytes(), 1601 + random.nextInt(29227)));
        }
    }

    private static SystemTime randomDate(Random random) {
        return new SystemTime(random.nextInt(4) == 0 ? random.nextInt(40000) : 0, random.nextInt(14), random.nextInt(8),
                random.nextInt(7), random.nextInt(25), random.nextInt(61), random.nextInt(61), random.nextInt(1001));
    }

    private static String randomName(Random random) {
        return random.nextBoolean() ? "Romance Standard Time" : new String(Character.toChars(random.nextInt(0x10ffff)));
    }

    private static TimeZoneInformation cet(String standardName, String daylightName) {
        return new TimeZoneInformation(-60, standardName, LAST_SUNDAY_OF_OCTOBER, 0, daylightName, LAST_SUNDAY_OF_MARCH, -60);
    }

    private static Optional<ZoneId> decode(TimeZoneInformation tz) {
        return EasTimeZone.decode(tz.toBytes(), YEAR);
    }

    private static Optional<ZoneId> decodeWithoutNames(ZoneId zone) {
        return EasTimeZone.decode(withoutNames(EasTimeZone.encode(zone, YEAR)), YEAR);
    }

    private static byte[] withoutNames(byte[] blob) {
        byte[] unnamed = blob.clone();
        Arrays.fill(unnamed, 4, 68, (byte) 0);
        Arrays.fill(unnamed, 88, 152, (byte) 0);
        return unnamed;
    }

    /** The same offset at a quarter past every hour of the year (DST changes on whole and half hours). */
    private static void assertSameOffsets(ZoneId expected, ZoneId actual, int year) {
        Instant end = LocalDateTime.of(year + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
        for (Instant t = LocalDateTime.of(year, 1, 1, 0, 15).toInstant(ZoneOffset.UTC); t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
            assertEquals(expected.getRules().getOffset(t), actual.getRules().getOffset(t), () -> expected + " vs " + actual);
        }
    }
}
