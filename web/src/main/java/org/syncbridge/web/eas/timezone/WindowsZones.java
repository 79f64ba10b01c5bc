package org.syncbridge.web.eas.timezone;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CLDR's mapping between Windows time zone ids ("W. Europe Standard Time") and IANA zones, through ICU4J, and
 * the order in which IANA zones are preferred when several fit the same rules.
 */
final class WindowsZones {
    private static final String WORLD = "001";
    private static final Set<String> JAVA_IDS = ZoneId.getAvailableZoneIds();

    private WindowsZones() {
    }

    static Optional<String> windowsId(ZoneId zone) {
        return Optional.ofNullable(TimeZone.getWindowsID(zone.getId()));
    }

    /** The zone CLDR names for a Windows zone anywhere in the world, e.g. Europe/Berlin for W. Europe. */
    static Optional<ZoneId> zone(String windowsId) {
        return Optional.ofNullable(TimeZone.getIDForWindowsID(windowsId, WORLD)).flatMap(WindowsZones::javaZone);
    }

    /**
     * Every zone the JVM knows, aliases folded into their IANA zone, best first: Etc/UTC (a blob that says
     * UTC without DST means UTC, not Reykjavik); the zones CLDR names for their Windows zone (Europe/Berlin,
     * not Arctic/Longyearbyen); of those, the ones whose Windows zone covers more IANA zones, a stand-in for
     * more people (America/New_York for Eastern, not Indianapolis for US Eastern); then the reference zone of
     * the CLDR metazone (Australia/Sydney, not Hobart); then by id, so that the order never varies.
     */
    static List<ZoneId> ranked() {
        return Ranked.ZONES;
    }

    /** ICU answers CLDR's ids, some of them older than IANA's (Asia/Calcutta); the JVM may lack the newest. */
    private static Optional<ZoneId> javaZone(String icuId) {
        return Stream.concat(Stream.ofNullable(TimeZone.getIanaID(icuId)), Stream.of(icuId))
                .filter(JAVA_IDS::contains).findFirst().map(ZoneId::of);
    }

    private static final class Ranked {
        static final List<ZoneId> ZONES = rank();

        private record Preference(ZoneId zone, boolean utc, boolean windowsReference, long windowsZoneSize,
                boolean metazoneReference) {
        }

        private static List<ZoneId> rank() {
            List<ZoneId> zones = JAVA_IDS.stream().sorted()
                    .map(id -> javaZone(id).orElseThrow()).distinct().toList();
            Map<String, Long> sizes = zones.stream().map(WindowsZones::windowsId).flatMap(Optional::stream)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            TimeZoneNames names = TimeZoneNames.getInstance(ULocale.ROOT);
            long now = System.currentTimeMillis();
            return zones.stream().map(zone -> {
                // ICU's answers use CLDR's ids, and its metazones know no other
                String cldrId = Objects.requireNonNullElse(TimeZone.getCanonicalID(zone.getId()), zone.getId());
                Optional<String> windowsId = windowsId(zone);
                String metazone = names.getMetaZoneID(cldrId, now);
                return new Preference(zone, zone.getId().equals("Etc/UTC"),
                        windowsId.map(w -> TimeZone.getIDForWindowsID(w, WORLD)).filter(cldrId::equals).isPresent(),
                        windowsId.map(sizes::get).orElse(0L),
                        metazone != null && cldrId.equals(names.getReferenceZoneID(metazone, WORLD)));
            }).sorted(Comparator.comparing((Preference p) -> !p.utc())
                    .thenComparing(p -> !p.windowsReference())
                    .thenComparing(Preference::windowsZoneSize, Comparator.reverseOrder())
                    .thenComparing(p -> !p.metazoneReference())
                    .thenComparing(p -> p.zone().getId()))
                    .map(Preference::zone).toList();
        }
    }
}
