package org.syncbridge.mail.push;

import java.time.Duration;
import org.syncbridge.config.SystemSettings;

/**
 * The bounds of mail push (WildFly system properties syncbridge.mail.push.*, set by configure.cli).
 *
 * @param perUser      most watcher connections of one user; folders beyond them are polled with STATUS on the first
 * @param perNode      most watcher connections of this node; folders beyond them are polled the same way
 * @param grace        how long a connection outlives the last parked request watching its folder, for the next Ping
 * @param poll         how often folders without IDLE are polled (NOOP on the selected one, STATUS on the others)
 * @param idleRefresh  how often a connection leaves and re-enters IDLE (RFC 2177: before the server's 30 minutes)
 * @param backoffMin   the first delay before reconnecting after a failure; it doubles on each further failure
 * @param backoffMax   the longest delay before reconnecting
 * @param useIdle      false polls even servers that offer IDLE (for servers whose IDLE misbehaves)
 * @param threads      threads that open, poll and close connections (IDLE itself holds none)
 */
public record MailPushSettings(int perUser, int perNode, Duration grace, Duration poll, Duration idleRefresh,
                               Duration backoffMin, Duration backoffMax, boolean useIdle, int threads) {

    public MailPushSettings {
        perUser = Math.max(1, perUser);
        perNode = Math.max(0, perNode);
        threads = Math.max(1, threads);
    }

    static MailPushSettings fromSystem() {
        return new MailPushSettings(
                SystemSettings.intValue("syncbridge.mail.push.connections-per-user", 1),
                SystemSettings.intValue("syncbridge.mail.push.connections", 1000),
                Duration.ofSeconds(SystemSettings.intValue("syncbridge.mail.push.grace-seconds", 30)),
                Duration.ofSeconds(Math.max(1, SystemSettings.intValue("syncbridge.mail.push.poll-seconds", 30))),
                Duration.ofSeconds(Math.max(60, SystemSettings.intValue("syncbridge.mail.push.idle-refresh-seconds", 1500))),
                Duration.ofSeconds(1),
                Duration.ofSeconds(Math.max(1, SystemSettings.intValue("syncbridge.mail.push.backoff-max-seconds", 300))),
                !"false".equalsIgnoreCase(System.getProperty("syncbridge.mail.push.idle", "true").trim()),
                SystemSettings.intValue("syncbridge.mail.push.threads", 4));
    }
}
