package org.syncbridge.mail.push;

/**
 * What mail push holds and has done on this node, since it started.
 *
 * @param users           users with watched mail folders (their credentials are held in memory)
 * @param connections     open IMAP watcher connections
 * @param idling          of those, the ones waiting in IDLE (the others poll)
 * @param statusPolled    watched folders without a connection of their own, polled with STATUS on another
 * @param connects        connections opened
 * @param reconnects      connection attempts after a failure
 * @param polls           poll rounds (NOOP/STATUS) and IDLE refreshes
 * @param notices         change notices published for mail folders
 * @param refused         watch requests that got no connection at all (node limit reached)
 */
public record MailPushStats(int users, int connections, int idling, int statusPolled, long connects, long reconnects,
                            long polls, long notices, long refused) {
}
