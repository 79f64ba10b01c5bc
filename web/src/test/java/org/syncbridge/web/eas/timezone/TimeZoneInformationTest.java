package org.syncbridge.web.eas.timezone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 172-byte layout of MS-ASDTYPE 2.7.6 and the day-in-month rules of its SYSTEMTIMEs. */
class TimeZoneInformationTest {
    // offsets of MS-ASDTYPE 2.7.6
    private static final int STANDARD_NAME = 4;
    private static final int STANDARD_DATE = 68;
    private static final int STANDARD_BIAS = 84;
    private static final int DAYLIGHT_NAME = 88;
    private static final int DAYLIGHT_DATE = 152;
    private static final int DAYLIGHT_BIAS = 168;

    @Test
    void berlinFieldByField() {
        ByteBuffer b = ByteBuffer.wrap(EasTimeZone.encode(ZoneId.of("Europe/Berlin"), 2025)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(172, b.capacity());
        assertArrayEquals(new byte[] {(byte) 0xc4, (byte) 0xff, (byte) 0xff, (byte) 0xff}, Arrays.copyOf(b.array(), 4));
        assertEquals(-60, b.getInt(0));
        assertEquals("W. Europe Standard Time", name(b, STANDARD_NAME));
        assertEquals("W. Europe Standard Time", name(b, DAYLIGHT_NAME));
        // DST ends on the last Sunday of October at 03:00 summer time, starts on the last Sunday of March at 02:00
        assertArrayEquals(new int[] {0, 10, 0, 5, 3, 0, 0, 0}, words(b, STANDARD_DATE));
        assertArrayEquals(new int[] {0, 3, 0, 5, 2, 0, 0, 0}, words(b, DAYLIGHT_DATE));
        assertEquals(0, b.getInt(STANDARD_BIAS));
        assertEquals(-60, b.getInt(DAYLIGHT_BIAS));
    }

    /** Exchange wrote capture 1 for Brussels; the dates and biases must be the very bytes it wrote. */
    @Test
    void berlinDatesAreTheBytesExchangeWrites() {
        byte[] exchange = Base64.getDecoder().decode(PhoneBlobs.BRUSSELS_NAMED);
        byte[] ours = EasTimeZone.encode(ZoneId.of("Europe/Berlin"), 2013);
        assertArrayEquals(Arrays.copyOfRange(exchange, 0, 4), Arrays.copyOfRange(ours, 0, 4));
        assertArrayEquals(Arrays.copyOfRange(exchange, STANDARD_DATE, DAYLIGHT_NAME), Arrays.copyOfRange(ours, STANDARD_DATE, DAYLIGHT_NAME));
        assertArrayEquals(Arrays.copyOfRange(exchange, DAYLIGHT_DATE, 172), Arrays.copyOfRange(ours, DAYLIGHT_DATE, 172));
    }

    @Test
    void newYorkUsesFirstAndSecondSundays() {
        ByteBuffer b = ByteBuffer.wrap(EasTimeZone.encode(ZoneId.of("America/New_York"), 2025)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(300, b.getInt(0));
        assertEquals("Eastern Standard Time", name(b, STANDARD_NAME));
        assertArrayEquals(new int[] {0, 11, 0, 1, 2, 0, 0, 0}, words(b, STANDARD_DATE));
        assertArrayEquals(new int[] {0, 3, 0, 2, 2, 0, 0, 0}, words(b, DAYLIGHT_DATE));
        assertEquals(-60, b.getInt(DAYLIGHT_BIAS));
    }

    /** Southern hemisphere: DST starts in October and ends in April. */
    @Test
    void sydneyStartsDstInOctober() {
        ByteBuffer b = ByteBuffer.wrap(EasTimeZone.encode(ZoneId.of("Australia/Sydney"), 2025)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-600, b.getInt(0));
        assertEquals("AUS Eastern Standard Time", name(b, STANDARD_NAME));
        assertArrayEquals(new int[] {0, 4, 0, 1, 3, 0, 0, 0}, words(b, STANDARD_DATE));
        assertArrayEquals(new int[] {0, 10, 0, 1, 2, 0, 0, 0}, words(b, DAYLIGHT_DATE));
        assertEquals(-60, b.getInt(DAYLIGHT_BIAS));
    }

    @Test
    void kolkataHasHalfAnHourAndNoDates() {
        ByteBuffer b = ByteBuffer.wrap(EasTimeZone.encode(ZoneId.of("Asia/Kolkata"), 2025)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-330, b.getInt(0));
        assertEquals("India Standard Time", name(b, STANDARD_NAME));
        assertArrayEquals(new int[8], words(b, STANDARD_DATE));
        assertArrayEquals(new int[8], words(b, DAYLIGHT_DATE));
        assertEquals(0, b.getInt(DAYLIGHT_BIAS));
    }

    /** Lord Howe saves half an hour. */
    @Test
    void lordHoweSavesThirtyMinutes() {
        ByteBuffer b = ByteBuffer.wrap(EasTimeZone.encode(ZoneId.of("Australia/Lord_Howe"), 2025)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-630, b.getInt(0));
        assertEquals(-30, b.getInt(DAYLIGHT_BIAS));
    }

    @Test
    void namesAreCutTo31CharactersAndReadUpToTheirNul() throws Exception {
        String long40 = "0123456789012345678901234567890123456789";
        TimeZoneInformation written = new TimeZoneInformation(0, long40, SystemTime.NONE, 0, "é", SystemTime.NONE, 0);
        byte[] bytes = written.toBytes();
        assertEquals(0, bytes[STANDARD_NAME + 62] | bytes[STANDARD_NAME + 63]);
        TimeZoneInformation read = TimeZoneInformation.parse(bytes);
        assertEquals(long40.substring(0, 31), read.standardName());
        assertEquals("é", read.daylightName());
        // Exchange fills all 32 characters, without a NUL
        assertEquals("(UTC+01:00) Bruxelles, Copenhagu", TimeZoneInformation.parse(Base64.getDecoder().decode(PhoneBlobs.BRUSSELS_NAMED)).standardName());
    }

    @Test
    void parseReadsEveryField() throws Exception {
        TimeZoneInformation tz = TimeZoneInformation.parse(Base64.getDecoder().decode(PhoneBlobs.EASTERN_UNNAMED));
        assertEquals(new TimeZoneInformation(300, "", new SystemTime(0, 11, 0, 1, 1, 0, 0, 0), 0,
                "", new SystemTime(0, 3, 0, 2, 3, 0, 0, 0), -60), tz);
        assertArrayEquals(Base64.getDecoder().decode(PhoneBlobs.EASTERN_UNNAMED), tz.toBytes());
    }

    @Test
    void lastWeekdayOfTheMonthIsWeekFive() {
        assertEquals(5, SystemTime.recurring(LocalDateTime.of(2025, 10, 26, 3, 0)).day()); // also the 4th Sunday
        assertEquals(5, SystemTime.recurring(LocalDateTime.of(2027, 10, 31, 3, 0)).day());
        assertEquals(4, SystemTime.recurring(LocalDateTime.of(2027, 10, 24, 3, 0)).day());
        assertEquals(1, SystemTime.recurring(LocalDateTime.of(2025, 11, 2, 2, 0)).day());
        assertEquals(new SystemTime(0, 3, 5, 3, 2, 30, 0, 0), SystemTime.recurring(LocalDateTime.of(2025, 3, 21, 2, 30)));
        assertEquals(new SystemTime(0, 3, 5, 5, 2, 0, 0, 0), SystemTime.recurring(LocalDateTime.of(2025, 3, 28, 2, 0)));
    }

    @Test
    void dayInMonthRulesResolveInAnyYear() {
        SystemTime fourthSundayOfOctober = new SystemTime(0, 10, 0, 4, 3, 0, 0, 0);
        assertEquals(LocalDateTime.of(2027, 10, 24, 3, 0), fourthSundayOfOctober.in(2027, false));
        assertEquals(LocalDateTime.of(2027, 10, 31, 3, 0), fourthSundayOfOctober.in(2027, true));
        assertEquals(LocalDateTime.of(2025, 10, 26, 3, 0), fourthSundayOfOctober.in(2025, false));
        assertEquals(LocalDateTime.of(2024, 2, 29, 1, 0), new SystemTime(0, 2, 4, 5, 1, 0, 0, 0).in(2024, false));
        // Windows writes midnight as the end of the day before
        assertEquals(LocalDateTime.of(2025, 4, 6, 0, 0), new SystemTime(0, 4, 6, 1, 23, 59, 59, 999).in(2025, false));
        // an absolute date keeps its year
        assertEquals(LocalDateTime.of(2013, 3, 31, 2, 0), new SystemTime(2013, 3, 0, 31, 2, 0, 0, 0).in(2025, false));
    }

    @Test
    void oneDateAloneOrNoSavingMeansNoDst() {
        SystemTime march = new SystemTime(0, 3, 0, 5, 2, 0, 0, 0);
        assertEquals(List.of(YearRules.withoutDst(ZoneOffset.ofHours(1))),
                new TimeZoneInformation(-60, "", SystemTime.NONE, 0, "", march, -60).readings(2025));
        assertEquals(List.of(YearRules.withoutDst(ZoneOffset.ofHours(1))),
                new TimeZoneInformation(-60, "", march, 0, "", march, 0).readings(2025));
    }

    @Test
    void readingsComeMostLiteralFirstWithoutRepeats() {
        TimeZoneInformation lastSundays = new TimeZoneInformation(-60, "", new SystemTime(0, 10, 0, 5, 3, 0, 0, 0), 0,
                "", new SystemTime(0, 3, 0, 5, 2, 0, 0, 0), -60);
        List<YearRules> readings = lastSundays.readings(2025);
        assertEquals(2, readings.size()); // no week 4: reading it as the last changes nothing
        assertEquals(YearRules.of(ZoneId.of("Europe/Berlin"), 2025), readings.get(0));
        assertFalse(readings.get(1).equals(readings.get(0)));
    }

    @Test
    void garbageIsRejected() {
        for (int length : new int[] {0, 1, 171, 173, 344}) {
            assertThrows(MalformedTimeZone.class, () -> TimeZoneInformation.parse(new byte[length]));
        }
        byte[] valid = EasTimeZone.encode(ZoneId.of("Europe/Berlin"), 2025);
        assertMalformed(valid, STANDARD_DATE + 2, 13);      // month 13
        assertMalformed(valid, DAYLIGHT_DATE + 4, 7);       // day of week 7
        assertMalformed(valid, DAYLIGHT_DATE + 6, 0);       // week 0
        assertMalformed(valid, STANDARD_DATE + 6, 6);       // week 6
        assertMalformed(valid, STANDARD_DATE + 8, 24);      // hour 24
        assertMalformed(valid, STANDARD_DATE + 14, 1000);   // millisecond 1000
        byte[] absoluteFebruary30 = valid.clone();
        put(absoluteFebruary30, STANDARD_DATE, 2025);
        put(absoluteFebruary30, STANDARD_DATE + 2, 2);
        put(absoluteFebruary30, STANDARD_DATE + 6, 30);
        assertThrows(MalformedTimeZone.class, () -> TimeZoneInformation.parse(absoluteFebruary30));
        byte[] hugeBias = valid.clone();
        ByteBuffer.wrap(hugeBias).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 24 * 60);
        assertThrows(MalformedTimeZone.class, () -> TimeZoneInformation.parse(hugeBias));
        byte[] overflowingBias = valid.clone();
        ByteBuffer.wrap(overflowingBias).order(ByteOrder.LITTLE_ENDIAN).putInt(0, Integer.MIN_VALUE).putInt(DAYLIGHT_BIAS, -1);
        assertThrows(MalformedTimeZone.class, () -> TimeZoneInformation.parse(overflowingBias));
    }

    private static void assertMalformed(byte[] valid, int offset, int word) {
        byte[] bytes = valid.clone();
        put(bytes, offset, word);
        assertThrows(MalformedTimeZone.class, () -> TimeZoneInformation.parse(bytes));
    }

    private static void put(byte[] bytes, int offset, int word) {
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) word);
    }

    private static String name(ByteBuffer b, int offset) {
        String name = new String(b.array(), offset, 64, StandardCharsets.UTF_16LE);
        return name.substring(0, name.indexOf('\0'));
    }

    private static int[] words(ByteBuffer b, int offset) {
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = b.getShort(offset + 2 * i);
        }
        return words;
    }
}
