package org.syncbridge.mail.sync;

import java.util.List;
import java.util.Map;

/**
 * A page of a mailbox search's results, newest mail first.
 *
 * @param total       how many mails match, also those beyond the reach of any page
 * @param retrievable how many of them pages can reach (at most {@link MailSearch#MAX_RESULTS})
 * @param first       the index of the page's first mail
 * @param hits        the page's mails; a mail that went away since the search is left out
 */
public record MailSearchPage(Outcome outcome, long total, long retrievable, int first, List<Hit> hits) {

    public enum Outcome {
        OK,
        /** A folder named in the query is not (or no longer) one of the user's mail folders. */
        UNKNOWN_FOLDER,
        /** A continuation whose search this node no longer remembers: the client has to start again. */
        NOT_REMEMBERED
    }

    /**
     * @param collectionId the mail's folder
     * @param serverId     the ServerId the device knows it by there (its IMAP UID, unless the mailbox's UIDVALIDITY
     *                     changed since the device synced it)
     * @param longId       how Search names it and ItemOperations fetches it again: "collectionId:UID"
     * @param properties   its {@link org.syncbridge.mail.message.EmailProperties}
     */
    public record Hit(String collectionId, String serverId, String longId, Map<String, Object> properties) {
    }

    static MailSearchPage refused(Outcome outcome) {
        return new MailSearchPage(outcome, 0, 0, 0, List.of());
    }
}
