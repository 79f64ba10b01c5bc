package org.syncbridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

    private static JdbcDataSource emptyDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Test
    void migratesAnEmptyDatabaseAndCreatesTheDefaultContext() throws Exception {
        JdbcDataSource ds = emptyDatabase();
        assertEquals("0", SchemaMigrations.currentVersion(ds));

        String version = SchemaMigrations.migrate(ds);

        assertFalse(version.equals("0"));
        assertEquals(version, SchemaMigrations.currentVersion(ds));
        try (Connection c = ds.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select name, enabled from sb_context")) {
            assertTrue(rs.next());
            assertEquals("defaultcontext", rs.getString(1));
            assertTrue(rs.getBoolean(2));
            assertFalse(rs.next());
        }
    }

    @Test
    void migratingTwiceChangesNothing() {
        JdbcDataSource ds = emptyDatabase();
        String first = SchemaMigrations.migrate(ds);
        assertEquals(first, SchemaMigrations.migrate(ds));
    }

    /** Hibernate's validation finds every mapped table and column, with a compatible type, in the migrated schema. */
    @Test
    void everyEntityMatchesTheMigratedSchema() throws IOException, ClassNotFoundException {
        JdbcDataSource ds = emptyDatabase();
        SchemaMigrations.migrate(ds);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", ds)
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                .applySetting("hibernate.jpa.compliance.query", "true") // as WildFly runs it; also checks the named queries
                .build();
        MetadataSources sources = new MetadataSources(registry);
        List<String> classes = entityClassesOfPersistenceXml();
        assertFalse(classes.isEmpty());
        for (String name : classes) {
            sources.addAnnotatedClass(Class.forName(name));
        }
        try (SessionFactory ignored = sources.buildMetadata().buildSessionFactory()) {
            // building the factory ran the validation
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static List<String> entityClassesOfPersistenceXml() throws IOException {
        try (InputStream in = SchemaMigrationsTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
            List<String> names = new ArrayList<>();
            while (m.find()) {
                names.add(m.group(1).trim());
            }
            return names;
        }
    }
}
