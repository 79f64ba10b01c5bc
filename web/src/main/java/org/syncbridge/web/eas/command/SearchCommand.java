package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.syncbridge.directory.GalEntry;
import org.syncbridge.directory.GalPage;
import org.syncbridge.directory.GlobalAddressBook;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * Search (MS-ASCMD 2.2.1.16) of the Global Address Book: the Query is a prefix of a user's names, login
 * name or addresses; Range pages the matches (default 0-99, at most 100 a request) and Total counts
 * them; from 14.1 Picture asks for photos, within MaxSize and MaxPictures.
 *
 * <p>A malformed GAL query (no Query, an empty or structured one, an unreadable Range or Picture) gets
 * Store Status 2, "invalid request". So does every store but GAL, Mailbox and DocumentLibrary included:
 * the spec's Store statuses have none for a store the server does not search, and 2 ("one or more of
 * the client's search parameters was invalid") tells the client that this request cannot succeed,
 * whereas 3 ("server error") reports an unexpected failure that a client may retry. The overall Status
 * stays 1: the request was processed.
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
    private static final int INVALID_REQUEST = 2;

    @EJB
    GlobalAddressBook gal;

    @Override
    public Tag root() {
        return ROOT;
    }

    /** A GAL query as the client asked it: entries first..last (inclusive), and photos within limits or none. */
    record GalQuery(String query, int first, int last, Optional<PhotoLimits> photos) {
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Optional<Element> store = x.request(ROOT).child(STORE);
        boolean galStore = store.flatMap(s -> s.childText(NAME)).map(n -> n.trim().equalsIgnoreCase("GAL")).orElse(false);
        Optional<GalQuery> query = galStore ? read(store.get(), x.atLeast(ProtocolVersion.V14_1)) : Optional.empty();
        if (query.isEmpty()) {
            return Wbxml.ok(out -> out.start(ROOT).text(STATUS, "1").start(RESPONSE).start(STORE)
                    .text(STATUS, String.valueOf(INVALID_REQUEST)).end().end().end());
        }
        GalQuery q = query.get();
        GalPage page = gal.search(x.user().contextId(), q.query(), q.first(), q.last() - q.first() + 1);
        return Wbxml.ok(out -> {
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
        });
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
