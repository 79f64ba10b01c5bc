package org.syncbridge.setup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.syncbridge.persistence.SchemaMigrations;
import org.syncbridge.tenant.AdminAccounts;

/**
 * Runs when the EAR deploys: brings the schema to the newest version and makes sure a master admin
 * exists. Its password comes from SYNCBRIDGE_ADMIN_PASSWORD, or is generated and printed this once.
 */
@Singleton
@jakarta.ejb.Startup
public class Startup {
    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:jboss/datasources/SyncbridgeDS")
    DataSource dataSource;

    @EJB
    AdminAccounts adminAccounts;

    private volatile String schemaVersion;

    /** Flyway commits its own transactions, so it must not run inside a container transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        schemaVersion = SchemaMigrations.migrate(dataSource);
        LOG.info(() -> "Database schema at version " + schemaVersion);
        createFirstMasterAdmin();
    }

    @jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
    public String schemaVersion() {
        return schemaVersion;
    }

    private void createFirstMasterAdmin() {
        String login = envOr("SYNCBRIDGE_ADMIN_LOGIN", "admin");
        String given = System.getenv("SYNCBRIDGE_ADMIN_PASSWORD");
        boolean generated = given == null || given.isEmpty();
        String password = generated ? generatedPassword() : given;
        boolean created;
        try {
            created = adminAccounts.createFirstMaster(login, password);
        } catch (EJBException raceWithAnotherNode) {
            LOG.info("Another node created the first master admin");
            return;
        }
        if (created && generated) {
            LOG.warning("\n====================================================================\n"
                    + " Master admin created: login '" + login + "', password '" + password + "'\n"
                    + " This password is shown only now. Change it with\n"
                    + "   PATCH /api/admin/admins/" + login + "  {\"password\": \"...\"}\n"
                    + "====================================================================");
        } else if (created) {
            LOG.info(() -> "Master admin '" + login + "' created with the password from SYNCBRIDGE_ADMIN_PASSWORD");
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String generatedPassword() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
