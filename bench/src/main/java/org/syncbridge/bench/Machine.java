package org.syncbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the numbers were measured on: they mean little without the machine and how busy it was. */
final class Machine {
    private Machine() {
    }

    static List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("- CPU: " + firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"))
                + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM");
        firstValue(Path.of("/proc/meminfo"), "MemTotal").ifPresent(m -> lines.add("- Memory: " + m));
        lines.add("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version"));
        lines.add("- Client JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        return lines;
    }

    /** The 1, 5 and 15 minute load averages: other builds share this machine, so each phase notes them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
