package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncbridge.directory.GalEntry;
import org.syncbridge.directory.GalPage;
import org.syncbridge.directory.GlobalAddressBook;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.mail.sync.MailSearch;
import org.syncbridge.mail.sync.MailSearchPage;
import org.syncbridge.mail.sync.MailSearchRequest;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.item.ItemCodec;
import org.syncbridge.web.eas.item.ItemCodecs;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * Search (MS-ASCMD 2.2.1.16) of the Global Address Book and of the mailbox.
 *
 * <p>GAL: the Query is a prefix of a user's names, login name or addresses; Range pages the matches (default 0-99, at
 * most 100 a request) and Total counts them; from 14.1 Picture asks for photos, within MaxSize and MaxPictures. A
 * malformed GAL query (no Query, an empty or structured one, an unreadable Range or Picture) gets Store Status 2,
 * "invalid request".
 *
 * <p>Mailbox (from 12.0): the user's mail, found by {@link MailSearch} with the criteria {@link MailboxQueries} reads;
 * each Result carries the mail's LongId (for ItemOperations), its CollectionId and its Email properties, bodies as
 * the Options' BodyPreference asks. Store Status 8 refuses a query too complex for this server, 11 names a folder the
 * device should learn of by FolderSync, 12 says the client asked for results beyond what the answer carries (more
 * than 100, or beyond the 1000 newest); the results up to there are sent.
 *
 * <p>Every other store (DocumentLibrary) gets Store Status 2: the spec's Store statuses have none for a store the
 * server does not search, and 2 ("one or more of the client's search parameters was invalid") tells the client that
 * this request cannot succeed, whereas 3 ("server error") reports an unexpected failure that a client may retry. The
 * overall Status stays 1: the request was processed.
 */
@ApplicationScoped
public class SearchCommand implements ImmediateCommand {
    private static final String NS = "Search:";
    private static final String GAL = "GAL:";
    private static final Tag ROOT = Tag.of(NS, "Search");
    private static final Tag STORE = Tag.of(NS, "Store");
    private static final Tag NAME = Tag.of(NS, "Name");
    private static final Tag QUERY = Tag.of(NS, "Query");
    private static final Tag OPTIONS = Tag.of(NS, "Options");
    private static final Tag RANGE = Tag.of(NS, "Range");
    private static final Tag PICTURE = Tag.of(NS, "Picture");
    private static final Tag MAX_SIZE = Tag.of(NS, "MaxSize");
    private static final Tag MAX_PICTURES = Tag.of(NS, "MaxPictures");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag RESPONSE = Tag.of(NS, "Response");
    private static final Tag RESULT = Tag.of(NS, "Result");
    private static final Tag PROPERTIES = Tag.of(NS, "Properties");
    private static final Tag TOTAL = Tag.of(NS, "Total");
    private static final Tag DISPLAY_NAME = Tag.of(GAL, "DisplayName");
    private static final Tag PHONE = Tag.of(GAL, "Phone");
    private static final Tag OFFICE = Tag.of(GAL, "Office");
    private static final Tag TITLE = Tag.of(GAL, "Title");
    private static final Tag COMPANY = Tag.of(GAL, "Company");
    private static final Tag ALIAS = Tag.of(GAL, "Alias");
    private static final Tag FIRST_NAME = Tag.of(GAL, "FirstName");
    private static final Tag LAST_NAME = Tag.of(GAL, "LastName");
    private static final Tag HOME_PHONE = Tag.of(GAL, "HomePhone");
    private static final Tag MOBILE_PHONE = Tag.of(GAL, "MobilePhone");
    private static final Tag EMAIL_ADDRESS = Tag.of(GAL, "EmailAddress");
    private static final Tag GAL_PICTURE = Tag.of(GAL, "Picture");
    private static final Tag GAL_STATUS = Tag.of(GAL, "Status");
    private static final Tag GAL_DATA = Tag.of(GAL, "Data");
    private static final Pattern RANGE_TEXT = Pattern.compile("\\s*(\\d{1,9})-(\\d{1,9})\\s*");
    private static final int MAX_QUERY = 256;
    private static final Tag CLASS = Tag.of("AirSync:", "Class");
    private static final Tag COLLECTION_ID = Tag.of("AirSync:", "CollectionId");
    private static final Tag LONG_ID = Tag.of(NS, "LongId");
    private static final int INVALID_REQUEST = 2;
    private static final int FOLDER_SYNC_REQUIRED = 11;
    private static final int END_OF_RETRIEVABLE_RANGE = 12;

    @EJB
    GlobalAddressBook gal;

    @EJB
    MailSearch mail;

    @Override
    public Tag root() {
        return ROOT;
    }

    /** A GAL query as the client asked it: entries first..last (inclusive), and photos within limits or none. */
    record GalQuery(String query, int first, int last, Optional<PhotoLimits> photos) {
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        return Wbxml.ok(answer(x));
    }

    /** The answer, written as it streams. */
    Wbxml.Body answer(EasExchange x) throws MalformedWbxml {
        Optional<Element> store = x.request(ROOT).child(STORE);
        String name = store.flatMap(s -> s.childText(NAME)).map(String::trim).orElse("");
        if (name.equalsIgnoreCase("Mailbox") && x.atLeast(ProtocolVersion.V12_0)) {
            return mailbox(x, store.get());
        }
        Optional<GalQuery> query = name.equalsIgnoreCase("GAL") ? read(store.get(), x.atLeast(ProtocolVersion.V14_1)) : Optional.empty();
        if (query.isEmpty()) {
            return storeStatus(INVALID_REQUEST);
        }
        GalQuery q = query.get();
        GalPage page = gal.search(x.user().contextId(), q.query(), q.first(), q.last() - q.first() + 1);
        return out -> {
            out.start(ROOT).text(STATUS, "1").start(RESPONSE).start(STORE).text(STATUS, "1");
            if (page.entries().isEmpty()) {
                out.empty(RESULT);
            }
            for (GalEntry entry : page.entries()) {
                out.start(RESULT).start(PROPERTIES);
                properties(out, entry);
                if (q.photos().isPresent()) {
                    picture(out, entry, q.photos().get());
                }
                out.end().end();
            }
            if (!page.entries().isEmpty()) {
                out.text(RANGE, q.first() + "-" + (q.first() + page.entries().size() - 1));
            }
            out.text(TOTAL, String.valueOf(page.total())).end().end().end();
        };
    }

    private static Wbxml.Body storeStatus(int status) {
        return out -> out.start(ROOT).text(STATUS, "1").start(RESPONSE).start(STORE)
                .text(STATUS, String.valueOf(status)).end().end().end();
    }

    private Wbxml.Body mailbox(EasExchange x, Element store) {
        MailboxQueries.Read read = MailboxQueries.search(store);
        if (read.query() == null) {
            return storeStatus(read.status());
        }
        MailboxQueries.Query q = read.query();
        MailSearchPage page;
        if (q.mail()) {
            BodyRequest bodies = BodyRequests.of(store.child(OPTIONS), x.version());
            page = mail.search(new MailSearchRequest(x.user().userId(), x.device().id(), x.mail(), "", q.query(), q.first(), q.last(),
                    q.rebuild(), false, bodies));
        } else {
            page = new MailSearchPage(MailSearchPage.Outcome.OK, 0, 0, q.first(), List.of()); // nothing but mail is searched here
        }
        if (page.outcome() != MailSearchPage.Outcome.OK) {
            return storeStatus(FOLDER_SYNC_REQUIRED);
        }
        int status = q.beyondReach(page.total(), page.retrievable()) ? END_OF_RETRIEVABLE_RANGE : 1;
        ItemCodec email = ItemCodecs.of(ItemClass.EMAIL);
        return out -> {
            out.start(ROOT).text(STATUS, "1").start(RESPONSE).start(STORE).text(STATUS, String.valueOf(status));
            if (page.hits().isEmpty()) {
                out.empty(RESULT);
            }
            for (MailSearchPage.Hit hit : page.hits()) {
                out.start(RESULT).text(CLASS, "Email").text(LONG_ID, hit.longId()).text(COLLECTION_ID, hit.collectionId())
                        .start(PROPERTIES);
                email.write(out, hit.properties(), x.version());
                out.end().end();
            }
            if (!page.hits().isEmpty()) {
                out.text(RANGE, page.first() + "-" + (page.first() + page.hits().size() - 1));
            }
            out.text(TOTAL, String.valueOf(page.total())).end().end().end();
        };
    }

    /** The GAL query of a Store, or empty when it is malformed. */
    static Optional<GalQuery> read(Element store, boolean picturesKnown) {
        Optional<Element> query = store.child(QUERY);
        if (query.isEmpty() || !query.get().children().isEmpty() || query.get().text().isBlank()
                || query.get().text().length() > MAX_QUERY) {
            return Optional.empty();
        }
        Optional<Element> options = store.child(OPTIONS);
        int first = 0;
        int last = GlobalAddressBook.MAX_PAGE - 1;
        Optional<String> range = options.flatMap(o -> o.childText(RANGE));
        if (range.isPresent()) {
            Matcher m = RANGE_TEXT.matcher(range.get());
            if (!m.matches() || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
                return Optional.empty();
            }
            first = Integer.parseInt(m.group(1));
            last = (int) Math.min(Integer.parseInt(m.group(2)), (long) first + GlobalAddressBook.MAX_PAGE - 1);
        }
        Optional<Element> picture = picturesKnown ? options.flatMap(o -> o.child(PICTURE)) : Optional.empty();
        Optional<PhotoLimits> photos = picture.flatMap(p -> PhotoLimits.of(p, MAX_SIZE, MAX_PICTURES));
        if (picture.isPresent() && photos.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GalQuery(query.get().text(), first, last, photos));
    }

    /** Nokia's Mail for Exchange shows no entry without FirstName and LastName, so both are always there. */
    private static void properties(WbxmlWriter out, GalEntry e) throws IOException {
        out.text(DISPLAY_NAME, e.displayName());
        optional(out, PHONE, e.phone());
        optional(out, OFFICE, e.office());
        optional(out, TITLE, e.title());
        optional(out, COMPANY, e.company());
        out.text(ALIAS, e.alias());
        out.text(FIRST_NAME, e.firstName() == null ? "" : e.firstName());
        out.text(LAST_NAME, e.lastName() == null ? "" : e.lastName());
        optional(out, HOME_PHONE, e.homePhone());
        optional(out, MOBILE_PHONE, e.mobilePhone());
        optional(out, EMAIL_ADDRESS, e.emailAddress());
    }

    /** The photo is read as it is written, so a page of photos is never held whole. */
    private void picture(WbxmlWriter out, GalEntry e, PhotoLimits limits) throws IOException {
        int status = limits.judge(e.photoSize());
        Optional<byte[]> photo = status == PhotoLimits.SENT ? gal.photo(e.userId()) : Optional.empty();
        out.start(GAL_PICTURE);
        if (photo.isPresent()) {
            out.text(GAL_STATUS, "1").opaque(GAL_DATA, photo.get());
        } else {
            out.text(GAL_STATUS, String.valueOf(status == PhotoLimits.SENT ? PhotoLimits.NO_PHOTO : status));
        }
        out.end();
    }

    private static void optional(WbxmlWriter out, Tag tag, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            out.text(tag, value);
        }
    }
}
