package org.syncbridge.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The run's results as Markdown: printed as they come, and saved in the results directory at the end. */
public final class Report {
    private final StringBuilder text = new StringBuilder();
    private final PrintStream out;

    public Report(PrintStream out) {
        this.out = out;
    }

    public void heading(String title) {
        append("\n## " + title + "\n");
    }

    public void line(String line) {
        append(line);
    }

    /** A line formatted in the root locale, so numbers read the same on every machine. */
    public void linef(String format, Object... args) {
        append(String.format(Locale.ROOT, format, args));
    }

    public void table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder("\n| " + String.join(" | ", header) + " |\n|");
        header.forEach(h -> t.append("---|"));
        for (List<String> row : rows) {
            t.append("\n| ").append(String.join(" | ", row)).append(" |");
        }
        append(t.append('\n').toString());
    }

    private synchronized void append(String s) {
        text.append(s).append('\n');
        out.println(s);
        out.flush();
    }

    public synchronized String text() {
        return text.toString();
    }

    /** Writes results-&lt;time&gt;.md and latest.md into {@code dir}; returns the first. */
    public Path save(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("results-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
            Files.writeString(file, text(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("latest.md"), text(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the results in " + dir, e);
        }
    }

    public static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
