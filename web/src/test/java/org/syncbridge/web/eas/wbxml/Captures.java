package org.syncbridge.web.eas.wbxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The captured phone <-> Exchange bodies, whose directory surefire passes as {@code eas.captures}. */
public final class Captures {
    private Captures() {
    }

    public static Path directory() {
        String location = System.getProperty("eas.captures");
        if (location == null || !Files.isDirectory(Path.of(location))) {
            throw new IllegalStateException("the EAS captures are not at eas.captures=" + location);
        }
        return Path.of(location);
    }

    /** Every {@code .wbxml} body, sorted. */
    public static List<Path> bodies() {
        try (Stream<Path> files = Files.walk(directory())) {
            return files.filter(file -> file.toString().endsWith(".wbxml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(Path body) {
        return directory().relativize(body).toString();
    }

    public static Element decode(Path body) throws IOException, MalformedWbxml {
        return decode(Files.readAllBytes(body));
    }

    public static Element decode(byte[] body) throws IOException, MalformedWbxml {
        return new WbxmlDecoder().decode(new ByteArrayInputStream(body));
    }
}
