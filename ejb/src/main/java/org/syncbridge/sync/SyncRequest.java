package org.syncbridge.sync;

import java.util.List;
import java.util.Set;

/**
 * One collection of a client's sync request, in protocol-neutral terms.
 *
 * @param windowSize          the most server changes to send (the engine caps it)
 * @param serverWins          how a conflict ends: the server's version wins, or the client's
 * @param clientProperties    the properties the client's protocol version makes it manage: a change from the client
 *                            replaces these (unless the collection's state declares them ghosted) and the ones it
 *                            carried, and keeps the others
 * @param windowStart         the client's date window: appointments that ended before it are not sent; null for none
 * @param ghosted             with SyncKey 0: the properties the client declared it leaves to the server (ghosted), kept
 *                            until its next SyncKey 0; null when it declared none
 * @param meetingMail         how the server sends the invitations of meetings the user organizes, as it does for
 *                            clients at 16.0 and later (MS-ASCAL); null when the client sends them itself (up to 14.1)
 */
public record SyncRequest(long deviceId, long userId, String collectionId, String syncKey, boolean getChanges,
                          int windowSize, boolean serverWins, List<ClientCommand> commands, Set<String> clientProperties,
                          java.time.Instant windowStart, Set<String> ghosted, MeetingMail meetingMail) {

    /** What the server needs to send mail as the user: the user's context and IMAP login (for the Sent copy). */
    public record MeetingMail(String contextName, org.syncbridge.mail.MailLogin login) {
    }
}
