package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command and codec table names its tags in static constants; a tag the code pages do not
 * have fails the class's initialisation. Initialising them all here turns that into a build failure.
 */
class CommandTagsTest {

    @Test
    void everyCommandAndItemTableNamesOnlyTagsTheCodePagesHave() throws IOException, URISyntaxException, ClassNotFoundException {
        int initialised = 0;
        for (Class<?> known : List.of(SyncCommand.class, org.syncbridge.web.eas.item.ItemCodec.class)) {
            String pkg = known.getPackageName();
            Path dir = Path.of(known.getResource(known.getSimpleName() + ".class").toURI()).getParent();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = file.getFileName().toString().replace(".class", "");
                    Class.forName(pkg + "." + name, true, CommandTagsTest.class.getClassLoader());
                    initialised++;
                }
            }
        }
        assertTrue(initialised > 10, "found " + initialised + " classes");
    }
}
