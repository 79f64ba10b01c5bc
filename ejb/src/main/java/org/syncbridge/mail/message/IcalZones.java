package org.syncbridge.mail.message;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The zones an iCalendar object's TZIDs name, each as an IANA zone (what the phone is told) and the rules that turn
 * its wall times into instants. In order: an IANA id (also inside a path such as "/mozilla.org/20070129_1/Europe/Berlin");
 * a Windows zone id (Exchange, Outlook) through CLDR, whose current rules beat an outdated VTIMEZONE from the sender;
 * the object's own VTIMEZONE (Lotus Notes' "Central Europe", Outlook's display names), whose rules are used as sent
 * and matched to the IANA zone that keeps the same offsets all year; a Windows id formed from a Lotus-style name;
 * the default zone.
 */
final class IcalZones {
    private static final Logger LOG = Logger.getLogger(IcalZones.class.getName());
    /** The JDK copies its zone list on every call; location zones only, no legacy aliases such as "CET" or "US/Eastern". */
    private static final List<String> LOCATION_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();
    private static final Set<String> JAVA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

    /** A resolved zone: {@code id} for the phone, {@code rules} for the instants. */
    record Zone(ZoneId id, ZoneRules rules) {
        static Zone of(ZoneId id) {
            return new Zone(id, id.getRules());
        }

        Instant instant(LocalDateTime wallTime) {
            return IcalZones.instant(wallTime, rules);
        }
    }

    /**
     * ical4j builds the rules of every VTIMEZONE while parsing, expanding its observances from their start (Outlook's
     * from 1601: milliseconds each). Times are read here, so the parser gets a registry that keeps nothing.
     */
    static final TimeZoneRegistry NO_REGISTRY = new TimeZoneRegistry() {
        @Override
        public void register(TimeZone timeZone) {
        }

        @Override
        public void register(TimeZone timeZone, boolean update) {
        }

        @Override
        public void clear() {
        }

        @Override
        public TimeZone getTimeZone(String id) {
            return null;
        }

        @Override
        public Map<String, ZoneRules> getZoneRules() {
            return Map.of();
        }

        @Override
        public ZoneId getZoneId(String tzId) {
            return ZoneOffset.UTC;
        }

        @Override
        public String getTzId(String zoneId) {
            return zoneId;
        }
    };
    /** Zones read from VTIMEZONEs, by name, year and text: a sender sends the same ones again and again. */
    private static final Cache<String, Zone> FROM_DEFINITIONS = Caffeine.newBuilder().maximumSize(500).build();

    private final Map<String, VTimeZone> definitions;
    private final Zone fallback;
    private final Map<String, Zone> resolved = new HashMap<>();

    IcalZones(Map<String, VTimeZone> definitions, ZoneId fallback) {
        this.definitions = definitions;
        this.fallback = Zone.of(fallback);
    }

    Zone fallback() {
        return fallback;
    }

    /** The zone {@code tzid} names; {@code year} is when it is used, to match a VTIMEZONE's rules. */
    Zone zone(String tzid, int year) {
        String key = unquote(tzid);
        return resolved.computeIfAbsent(key, k -> resolve(k, year));
    }

    private Zone resolve(String tzid, int year) {
        Optional<ZoneId> known = iana(tzid).or(() -> windows(tzid));
        if (known.isPresent()) {
            return Zone.of(known.get());
        }
        VTimeZone definition = definitions.get(tzid);
        if (definition != null) {
            Zone defined = FROM_DEFINITIONS.get(tzid + "\n" + year + "\n" + definition, k -> fromDefinition(tzid, definition, year));
            if (defined != null) {
                return defined;
            }
        }
        Optional<ZoneId> guessed = windows(tzid + " Standard Time");
        if (guessed.isPresent()) {
            return Zone.of(guessed.get());
        }
        LOG.fine(() -> "Unknown TZID " + tzid + ", read in " + fallback.id());
        return fallback;
    }

    private static Zone fromDefinition(String tzid, VTimeZone definition, int year) {
        try {
            ZoneRules rules = new ZoneRulesBuilder().vTimeZone(definition).build();
            return new Zone(closest(tzid, rules, year), rules);
        } catch (RuntimeException e) {
            LOG.fine(() -> "VTIMEZONE " + tzid + " could not be read: " + e);
            return null;
        }
    }

    /** An IANA id, possibly at the end of a path. */
    static Optional<ZoneId> iana(String tzid) {
        String[] parts = tzid.split("/");
        for (int i = 0; i < parts.length; i++) {
            String candidate = String.join("/", List.of(parts).subList(i, parts.length));
            if (JAVA_ZONES.contains(candidate)) {
                return Optional.of(ZoneId.of(candidate));
            }
        }
        return Optional.empty();
    }

    /** A Windows zone id, through CLDR's mapping for the world (region "001"), as the current IANA name. */
    static Optional<ZoneId> windows(String windowsId) {
        String id = com.ibm.icu.util.TimeZone.getIDForWindowsID(windowsId, null);
        if (id == null) {
            return Optional.empty();
        }
        String ianaId = com.ibm.icu.util.TimeZone.getIanaID(id);
        return Optional.ofNullable(ianaId != null && JAVA_ZONES.contains(ianaId) ? ianaId : JAVA_ZONES.contains(id) ? id : null)
                .map(ZoneId::of);
    }

    /**
     * The IANA zone whose offsets agree with {@code rules} on most days of {@code year} and the next; among equals the
     * one the name's Windows reading gives, then one whose city the name mentions, then CLDR's main zone of its
     * Windows zone, then the first by name.
     */
    private static ZoneId closest(String tzid, ZoneRules rules, int year) {
        Instant from = LocalDate.of(year, 1, 1).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
        ZoneOffset january = rules.getOffset(from);
        ZoneOffset july = rules.getOffset(from.plusSeconds(181L * 86400));
        Optional<ZoneId> named = windows(tzid + " Standard Time");
        String words = " " + NON_LETTERS.matcher(tzid.toLowerCase(Locale.ROOT)).replaceAll(" ") + " ";
        Map<ZoneId, Integer> agreement = new HashMap<>();
        for (String id : LOCATION_ZONES) {
            ZoneRules candidate = ZoneId.of(id).getRules();
            if (candidate.getOffset(from).equals(january) && candidate.getOffset(from.plusSeconds(181L * 86400)).equals(july)) {
                agreement.put(ZoneId.of(id), agreement(candidate, rules, from));
            }
        }
        Comparator<ZoneId> preference = Comparator.<ZoneId>comparingInt(agreement::get).reversed()
                .thenComparing(z -> named.map(n -> !n.equals(z)).orElse(true))
                .thenComparing(z -> !words.contains(" " + city(z) + " "))
                .thenComparing(z -> !isMainZone(z))
                .thenComparing(ZoneId::getId);
        return agreement.keySet().stream().min(preference).orElseGet(() -> {
            LOG.fine(() -> "No IANA zone has the offsets of VTIMEZONE " + tzid);
            return ZoneId.of("UTC");
        });
    }

    /** On how many days of two years, at noon UTC, the two rules give the same offset. */
    private static int agreement(ZoneRules a, ZoneRules b, Instant from) {
        int same = 0;
        for (int day = 0; day < 731; day++) {
            Instant t = from.plusSeconds(day * 86400L);
            if (a.getOffset(t).equals(b.getOffset(t))) {
                same++;
            }
        }
        return same;
    }

    private static String city(ZoneId zone) {
        String id = zone.getId();
        return NON_LETTERS.matcher(id.substring(id.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Whether CLDR names this zone the one of its Windows zone for the world (Europe/Berlin, not Europe/Rome). */
    private static boolean isMainZone(ZoneId zone) {
        String windowsId = com.ibm.icu.util.TimeZone.getWindowsID(zone.getId());
        return windowsId != null && windows(windowsId).map(zone::equals).orElse(false);
    }

    /** A wall time in a zone as an instant: in a gap, moved forward by its length; in an overlap, the earlier one. */
    static Instant instant(LocalDateTime wallTime, ZoneRules rules) {
        List<ZoneOffset> valid = rules.getValidOffsets(wallTime);
        if (!valid.isEmpty()) {
            return wallTime.toInstant(valid.get(0));
        }
        ZoneOffsetTransition gap = rules.getTransition(wallTime);
        return wallTime.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
    }

    static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1).trim() : v;
    }
}
