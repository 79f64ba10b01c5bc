package org.syncbridge.web.eas;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The EAS commands this server implements, by name; OPTIONS lists them. */
@ApplicationScoped
public class EasCommands {

    @Inject
    @Any
    Instance<EasCommand> all;

    private final Map<String, EasCommand> byName = new TreeMap<>();

    @PostConstruct
    void collect() {
        all.forEach(c -> byName.put(c.name(), c));
    }

    public Optional<EasCommand> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The MS-ASProtocolCommands header. */
    public String header() {
        return String.join(",", byName.keySet());
    }
}
