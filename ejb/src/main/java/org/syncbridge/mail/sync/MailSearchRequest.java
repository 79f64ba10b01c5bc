package org.syncbridge.mail.sync;

import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.message.BodyRequest;

/**
 * One page of a mailbox search.
 *
 * @param deviceId     the device's registry id: its last results are remembered for the next page
 * @param searchId     the client's name for this search (Find's SearchId), "" when it gives none: results are
 *                     remembered under the query and this name
 * @param first        the index of the first result wanted, from 0
 * @param last         the index of the last result wanted (the caller caps the page's length)
 * @param rebuild      search again even when this device's last results are of the same query
 * @param continuation the page continues a search the device started before: answered only from remembered results
 * @param bodies       the body forms wanted for the mails of the page
 */
public record MailSearchRequest(long userId, long deviceId, MailLogin login, String searchId, MailQuery query, int first,
                                int last, boolean rebuild, boolean continuation, BodyRequest bodies) {
    public MailSearchRequest {
        searchId = searchId == null ? "" : searchId;
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("not a range: " + first + "-" + last);
        }
    }
}
