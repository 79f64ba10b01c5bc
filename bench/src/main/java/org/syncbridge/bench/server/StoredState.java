package org.syncbridge.bench.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;

/**
 * Reads what the server stored, from its embedded H2 database, after the server has stopped: while it runs, H2 holds
 * the file for itself. The driver is the H2 jar of the server's own WildFly module, so the file is read by the version
 * that wrote it, and it is opened read-only.
 */
public final class StoredState implements AutoCloseable {
    private final URLClassLoader loader;
    private final Connection connection;

    private StoredState(URLClassLoader loader, Connection connection) {
        this.loader = loader;
        this.connection = connection;
    }

    /** The database of a stopped server (configure.cli's default: data/syncbridge/syncbridge under the state directory). */
    public static StoredState open(ServerSettings settings) {
        Path jar = h2Jar(settings.jbossHome());
        Path db = settings.database();
        if (!Files.exists(Path.of(db + ".mv.db"))) {
            throw new IllegalStateException("no database at " + db + ".mv.db");
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, StoredState.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
        try {
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
            Properties login = new Properties();
            login.setProperty("user", "sa");
            login.setProperty("password", "sa");
            Connection c = driver.connect("jdbc:h2:file:" + db + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE", login);
            return new StoredState(loader, c);
        } catch (ReflectiveOperationException | SQLException e) {
            close(loader);
            throw new IllegalStateException("cannot open " + db + " with " + jar + ": " + e.getMessage(), e);
        }
    }

    static Path h2Jar(Path jbossHome) {
        Path module = jbossHome.resolve("modules/system/layers/base/com/h2database/h2/main");
        try (Stream<Path> files = Files.list(module)) {
            return files.filter(f -> f.getFileName().toString().matches("h2-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 jar in " + module));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + module, e);
        }
    }

    /**
     * One device's mail sync state of one folder: the lengths of the two snapshots (current and previous key) as stored,
     * and the current one's text (the server deflates a long one: "z" and base64).
     */
    public record MailState(int syncKey, long snapshotChars, long previousSnapshotChars, String snapshot) {
        public long totalChars() {
            return snapshotChars + previousSnapshotChars;
        }

        public boolean deflated() {
            return snapshot.startsWith("z");
        }

        /** The snapshot's text, inflated when it was stored deflated. */
        public String plain() {
            if (!deflated()) {
                return snapshot;
            }
            try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(snapshot.substring(1))))) {
                return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("a snapshot that is neither text nor deflated: " + e.getMessage(), e);
            }
        }
    }

    /** The state of the device with this DeviceId (the benchmark's are unique over all users) for one collection. */
    public Optional<MailState> mailState(String deviceId, String collectionId) {
        String sql = "select s.sync_key, length(s.snapshot), coalesce(length(s.previous_snapshot), 0), s.snapshot from sb_mail_sync_state s "
                + "join sb_device d on d.id = s.device_id where d.device_id = ? and s.collection_id = ?";
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setString(1, deviceId);
            q.setString(2, collectionId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(new MailState(r.getInt(1), r.getLong(2), r.getLong(3), r.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the mail sync state: " + e.getMessage(), e);
        }
    }

    /** Rows of a query that counts, e.g. the message identities kept for a folder. */
    public long count(String sql, Object... args) {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // read-only; nothing to lose
        }
        close(loader);
    }

    private static void close(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // only the jar's handle
        }
    }
}
