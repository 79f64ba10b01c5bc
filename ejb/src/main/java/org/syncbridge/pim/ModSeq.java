package org.syncbridge.pim;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Draws the next value of the one modseq sequence, in the SQL each supported database speaks. */
final class ModSeq {
    private static volatile String nextValueSql;

    private ModSeq() {
    }

    static long next(EntityManager em, DataSource dataSource) {
        return ((Number) em.createNativeQuery(sql(dataSource)).getSingleResult()).longValue();
    }

    private static String sql(DataSource dataSource) {
        String sql = nextValueSql;
        if (sql == null) {
            try (Connection connection = dataSource.getConnection()) {
                boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                sql = postgres ? "select nextval('sb_modseq_seq')" : "select next value for sb_modseq_seq";
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database product", e);
            }
            nextValueSql = sql;
        }
        return sql;
    }
}
