package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the tests of the running server share: the real EAR on the managed WildFly, driven from outside
 * like a phone or an admin would; the tests' mail server; the admin API as the master admin.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ServerIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.realEar();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void serverReachable() {
        TestMail.server();
        api = new Api(base);
    }

    /**
     * Creates the context once, with further JSON members in {@code settings} (empty or starting with a comma),
     * and its users: each with {@code password}, display name "User login" and address login@context.
     */
    void usersExist(String context, String settings, String password, String... logins) {
        if (api.asMaster("GET", "api/admin/contexts/" + context, null).statusCode() != 404) {
            return;
        }
        assertEquals(201, api.asMaster("POST", "api/admin/contexts", "{\"name\":\"" + context + "\"" + settings + "}").statusCode());
        for (String login : logins) {
            assertEquals(201, api.asMaster("POST", "api/admin/contexts/" + context + "/users", "{\"login\":\"" + login
                    + "\",\"password\":\"" + password + "\",\"displayName\":\"User " + login + "\",\"primaryEmail\":\""
                    + login + "@" + context + "\"}").statusCode());
        }
    }

    /** A provisioned phone with its folder hierarchy synced. */
    static EasClient phone(String login, String password, String deviceId, String deviceType, String version) {
        EasClient device = new EasClient(EasClient.https(), login, password, deviceId, deviceType, version);
        device.provision();
        device.hierarchy = ActiveSyncIT.adds(device.folderSync("0"));
        return device;
    }
}
