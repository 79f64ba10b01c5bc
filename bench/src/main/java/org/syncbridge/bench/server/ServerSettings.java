package org.syncbridge.bench.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the built server is and how the benchmark runs it: the paths the -Pstart profile of ear/pom.xml
 * hands to run-server.sh, and the benchmark's own ports and state directory.
 *
 * @param sizing       the JVM heap options (WildFly's JBOSS_JAVA_SIZING)
 * @param dbTrace      whether H2 writes every SQL statement with its time to its trace file (a profile; not for measured runs)
 * @param imapProvided whether an IMAP server of the benchmark's own (Dovecot) already listens on imapPort; run-server.sh
 *                     then uses it and starts no GreenMail, so nothing serves SMTP
 */
public record ServerSettings(Path jbossHome, Path javaHome, String serverConfig, Path runScript, Path ear, Path greenmailJar,
                             Path baseDir, int portOffset, int imapPort, int smtpPort, String sizing, boolean dbTrace,
                             boolean imapProvided) {

    /** The same server on an IMAP server that listens already at {@code port}. */
    public ServerSettings withProvidedImap(int port) {
        return new ServerSettings(jbossHome, javaHome, serverConfig, runScript, ear, greenmailJar, baseDir, portOffset, port, smtpPort, sizing, dbTrace, true);
    }

    public int httpsPort() {
        return 8443 + portOffset;
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public int managementPort() {
        return 9990 + portOffset;
    }

    /** Every port the server and its GreenMail listen on (not a provided IMAP server's, which must listen). */
    public List<Integer> ports() {
        return imapProvided ? List.of(httpPort(), httpsPort(), managementPort(), smtpPort)
                : List.of(httpPort(), httpsPort(), managementPort(), imapPort, smtpPort);
    }

    /** The certificate names localhost, so phones reach the server by that name. */
    public URI https() {
        return URI.create("https://localhost:" + httpsPort() + "/");
    }

    public Path certificate() {
        return baseDir.resolve("configuration").resolve("syncbridge-server.crt");
    }

    /** The embedded database (configure.cli's default under jboss.server.data.dir), without H2's file suffix. */
    public Path database() {
        return baseDir.resolve("data").resolve("syncbridge").resolve("syncbridge");
    }

    public Path logDir() {
        return baseDir.resolve("log");
    }
}
