package org.syncbridge.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The directory migration gives the users that exist the terms the address book finds them by. */
class DirectoryMigrationTest {

    @Test
    void usersOfEarlierVersionsGetTheirNameSuffixesLoginAndAddressesAsTerms() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations(SchemaMigrations.LOCATION).table("sb_schema_history").target("5").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into sb_user (id, context_id, login_name, display_name, primary_email, password_hash, enabled,"
                    + " perm_activesync, perm_outlook, created_at) values"
                    + " (2000, 1, 'Anna', 'Anna  Maria Berg', 'Anna@Example.org', 'h', true, true, true, current_timestamp),"
                    + " (2001, 1, 'bob', null, null, 'h', true, true, true, current_timestamp),"
                    + " (2002, 1, 'carl', '  ', 'carl@example.org', 'h', true, true, true, current_timestamp)");
            s.execute("insert into sb_user_alias (user_id, address) values (2000, 'A.Berg@example.org')");
        }

        SchemaMigrations.migrate(ds);

        assertEquals(List.of("2000 a.berg@example.org", "2000 anna", "2000 anna  maria berg", "2000 anna@example.org",
                "2000 berg", "2000 maria berg", "2001 bob", "2002 carl", "2002 carl@example.org"), terms(ds));
    }

    private static List<String> terms(JdbcDataSource ds) throws Exception {
        List<String> terms = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select user_id, context_id, term from sb_directory_term order by user_id, term")) {
            while (rs.next()) {
                assertEquals(1, rs.getLong(2));
                terms.add(rs.getLong(1) + " " + rs.getString(3));
            }
        }
        return terms;
    }
}
