package org.syncbridge.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** The product schema: versioned scripts in {@code db/migration}, the same on H2 and PostgreSQL. */
public final class SchemaMigrations {
    public static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    /** Brings the schema up to the newest version and returns that version. */
    public static String migrate(DataSource dataSource) {
        Flyway flyway = flyway(dataSource);
        flyway.migrate();
        return currentVersion(flyway);
    }

    /** The version the database is at, or "0" for an empty one. */
    public static String currentVersion(DataSource dataSource) {
        return currentVersion(flyway(dataSource));
    }

    private static String currentVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table("sb_schema_history")
                .failOnMissingLocations(true)
                .load();
    }
}
