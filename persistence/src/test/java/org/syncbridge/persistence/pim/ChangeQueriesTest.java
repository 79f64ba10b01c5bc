package org.syncbridge.persistence.pim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.Test;
import org.syncbridge.persistence.SchemaMigrations;

/**
 * A sync window reads "changes since N" with a limit. The database must walk the (folder_id, modseq) index
 * in order and stop at the limit; H2 only does so when ORDER BY names the index's leading column too.
 * Without it H2 read and sorted every later item of the folder per window: a 512-item window at the start
 * of a 100,000-item folder took about a second (bench module, docs/performance.md).
 */
class ChangeQueriesTest {

    @Test
    void changesSinceWalkTheFolderIndexInOrder() throws Exception {
        for (String query : List.of(PimItem.CHANGED_SINCE, Tombstone.DELETED_SINCE)) {
            String plan = planOf(query, q -> q.setParameter("folder", 7L).setParameter("since", 100L).setMaxResults(513), 7L, 100L, 513L);
            assertTrue(plan.contains("IX_PIM_") && plan.contains("index sorted"), query + " is not read in index order:\n" + plan);
        }
    }

    /** A meeting's appointment is looked up by UID (iMIP, MeetingResponse) through an index, not a scan of the user's items. */
    @Test
    void appointmentsAreFoundByUidThroughItsIndex() throws Exception {
        String plan = planOf(PimItem.OWN_APPOINTMENTS_WITH_UID, q -> q.setParameter("uid", "u1").setParameter("owner", 7L), "u1", 7L);
        assertTrue(plan.contains("IX_PIM_ITEM_UID"), "not read by the UID index:\n" + plan);
    }

    /** H2's EXPLAIN of the SQL Hibernate makes of the named query, on the migrated schema; {@code values} bind its parameters. */
    private static String planOf(String namedQuery, java.util.function.Consumer<org.hibernate.query.Query<?>> parameters, Object... values)
            throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        SchemaMigrations.migrate(ds);
        List<String> sql = new ArrayList<>();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", ds)
                .applySetting("hibernate.session_factory.statement_inspector", (StatementInspector) s -> {
                    sql.add(s);
                    return s;
                })
                .build();
        try (SessionFactory factory = new MetadataSources(registry).addAnnotatedClass(PimItem.class).addAnnotatedClass(Tombstone.class)
                .addAnnotatedClass(org.syncbridge.persistence.folder.Folder.class)
                .addAnnotatedClass(org.syncbridge.persistence.tenant.User.class)
                .addAnnotatedClass(org.syncbridge.persistence.tenant.Context.class)
                .buildMetadata().buildSessionFactory(); Session session = factory.openSession()) {
            org.hibernate.query.Query<?> query = session.createNamedQuery(namedQuery);
            parameters.accept(query);
            query.getResultList();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
        String select = sql.get(sql.size() - 1);
        try (Connection c = ds.getConnection(); PreparedStatement explain = c.prepareStatement("explain " + select)) {
            int count = explain.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= count; i++) {
                explain.setObject(i, values[Math.min(i, values.length) - 1]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
