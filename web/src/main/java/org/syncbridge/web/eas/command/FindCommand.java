package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.syncbridge.mail.message.MailSummary;
import org.syncbridge.mail.sync.MailSearch;
import org.syncbridge.mail.sync.MailSearchPage;
import org.syncbridge.mail.sync.MailSearchRequest;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.item.ItemCodec;
import org.syncbridge.web.eas.item.ItemCodecs;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * Find (MS-ASCMD 2.2.1.2, EAS 16.1): a mailbox search by FreeText, in a folder (with DeepTraversal its subfolders too)
 * or in all mail folders, newest first, Range up to 0-999. Each Result names the mail by its CollectionId and the
 * ServerId the device knows it by, and shows its summary (subject, date, recipients' and sender's names, preview,
 * importance, read, draft, attachments). Paging (a Range not starting at 0) continues the search its SearchId named:
 * the results are remembered for the device, not searched again.
 *
 * <p>Statuses: a request without SearchId or ExecuteSearch, or below 16.1, gets Find Status 2. In the Response, 2
 * refuses an unreadable query, 3 names a folder the device should learn of by FolderSync, 4 a page of a search this
 * server does not know (the client starts again at 0). A GAL criterion gets Response Status 2: the directory is
 * searched with Search (Store GAL) here, and Find's GAL results have no ServerId or CollectionId to give.
 */
@ApplicationScoped
public class FindCommand implements ImmediateCommand {
    private static final String NS = "Find:";
    private static final Tag ROOT = Tag.of(NS, "Find");
    private static final Tag SEARCH_ID = Tag.of(NS, "SearchId");
    private static final Tag EXECUTE_SEARCH = Tag.of(NS, "ExecuteSearch");
    private static final Tag MAILBOX = Tag.of(NS, "MailBoxSearchCriterion");
    private static final Tag GAL = Tag.of(NS, "GalSearchCriterion");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag RESPONSE = Tag.of(NS, "Response");
    private static final Tag RESULT = Tag.of(NS, "Result");
    private static final Tag PROPERTIES = Tag.of(NS, "Properties");
    private static final Tag RANGE = Tag.of(NS, "Range");
    private static final Tag TOTAL = Tag.of(NS, "Total");
    private static final Tag STORE = Tag.of("ItemOperations:", "Store");
    private static final Tag CLASS = Tag.of("AirSync:", "Class");
    private static final Tag SERVER_ID = Tag.of("AirSync:", "ServerId");
    private static final Tag COLLECTION_ID = Tag.of("AirSync:", "CollectionId");
    private static final int INVALID_REQUEST = 2;
    private static final int FOLDER_SYNC_REQUIRED = 3;
    private static final int START_AT_ZERO = 4;
    private static final int MAX_SEARCH_ID = 64;

    @EJB
    MailSearch mail;

    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        return Wbxml.ok(answer(x));
    }

    /** The answer, written as it streams. */
    Wbxml.Body answer(EasExchange x) throws MalformedWbxml {
        Element find = x.request(ROOT);
        String searchId = find.childText(SEARCH_ID).map(String::trim).orElse("");
        Optional<Element> execute = find.child(EXECUTE_SEARCH);
        if (!x.atLeast(ProtocolVersion.V16_1) || searchId.isEmpty() || searchId.length() > MAX_SEARCH_ID || execute.isEmpty()) {
            return invalid();
        }
        Optional<Element> criterion = execute.get().child(MAILBOX);
        if (criterion.isEmpty()) {
            return execute.get().child(GAL).isPresent() ? refused("GAL", INVALID_REQUEST) : invalid();
        }
        MailboxQueries.Read read = MailboxQueries.find(criterion.get());
        if (read.query() == null) {
            return refused("Mailbox", read.status());
        }
        MailboxQueries.Query q = read.query();
        if (!q.mail()) {
            return answer(x, new MailSearchPage(MailSearchPage.Outcome.OK, 0, 0, q.first(), List.of()));
        }
        MailSearchPage page = mail.search(new MailSearchRequest(x.user().userId(), x.device().id(), x.mail(), searchId, q.query(),
                q.first(), q.last(), false, q.first() > 0, MailSummary.BODIES));
        return switch (page.outcome()) {
            case OK -> answer(x, page);
            case UNKNOWN_FOLDER -> refused("Mailbox", FOLDER_SYNC_REQUIRED);
            case NOT_REMEMBERED -> refused("Mailbox", START_AT_ZERO);
        };
    }

    /** The request cannot be read as a Find: Status 2 alone. */
    private static Wbxml.Body invalid() {
        return out -> out.start(ROOT).text(STATUS, String.valueOf(INVALID_REQUEST)).end();
    }

    /** The request was read, the search was not run: the Response carries why. */
    private static Wbxml.Body refused(String store, int status) {
        return out -> out.start(ROOT).text(STATUS, "1").start(RESPONSE).text(STORE, store)
                .text(STATUS, String.valueOf(status)).end().end();
    }

    private static Wbxml.Body answer(EasExchange x, MailSearchPage page) {
        ItemCodec summary = ItemCodecs.findResult();
        return out -> {
            out.start(ROOT).text(STATUS, "1").start(RESPONSE).text(STORE, "Mailbox").text(STATUS, "1");
            for (MailSearchPage.Hit hit : page.hits()) {
                out.start(RESULT).text(CLASS, "Email").text(SERVER_ID, hit.serverId()).text(COLLECTION_ID, hit.collectionId())
                        .start(PROPERTIES);
                summary.write(out, MailSummary.of(hit.properties()), x.version());
                out.end().end();
            }
            if (!page.hits().isEmpty()) {
                out.text(RANGE, page.first() + "-" + (page.first() + page.hits().size() - 1));
            }
            out.text(TOTAL, String.valueOf(page.total())).end().end();
        };
    }
}
