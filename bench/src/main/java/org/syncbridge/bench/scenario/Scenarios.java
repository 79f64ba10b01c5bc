package org.syncbridge.bench.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every scenario by name; a new one (e.g. a parked-Ping load driver) is one class and one line here. */
public final class Scenarios {
    private static final Map<String, Supplier<Scenario>> ALL = new LinkedHashMap<>();

    static {
        ALL.put(InitialSyncScenario.NAME, InitialSyncScenario::new);
        ALL.put(IncrementalSyncScenario.NAME, IncrementalSyncScenario::new);
        ALL.put(ParkedPingScenario.NAME, ParkedPingScenario::new);
        ALL.put(MailInitialSyncScenario.NAME, MailInitialSyncScenario::new);
        ALL.put(MailIncrementalSyncScenario.NAME, MailIncrementalSyncScenario::new);
    }

    private Scenarios() {
    }

    /** The scenarios named, in the order given; an unknown name is an error listing the known ones. */
    public static List<Scenario> named(List<String> names) {
        return names.stream().map(n -> {
            Supplier<Scenario> s = ALL.get(n);
            if (s == null) {
                throw new IllegalArgumentException("unknown scenario '" + n + "'; known: " + String.join(", ", ALL.keySet()));
            }
            return s.get();
        }).toList();
    }
}
