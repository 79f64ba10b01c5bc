package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.syncbridge.mail.sync.AttachmentDownload;
import org.syncbridge.mail.sync.MailFetch;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.sync.FetchResult;
import org.syncbridge.sync.ItemOperations;
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
 * ItemOperations (MS-ASCMD 2.2.1.10): Fetch of a PIM item from the Mailbox store by CollectionId and
 * ServerId, its properties written by its class's codec (honouring Schema and the body's
 * TruncationSize). Each operation is answered in request order with its own Status (2.2.3.177.8).
 * What this server never hands out (attachment FileReferences, search LongIds, conversations) is not
 * found; mail items and EmptyFolderContents are not served yet and fail with a server error.
 */
@ApplicationScoped
public class ItemOperationsCommand implements ImmediateCommand {
    private static final Logger LOG = Logger.getLogger(ItemOperationsCommand.class.getName());
    private static final String NS = "ItemOperations:";
    private static final String AS = "AirSync:";
    private static final String ASB = "AirSyncBase:";
    private static final Tag ROOT = Tag.of(NS, "ItemOperations");
    private static final Tag FETCH = Tag.of(NS, "Fetch");
    private static final Tag STORE = Tag.of(NS, "Store");
    private static final Tag OPTIONS = Tag.of(NS, "Options");
    private static final Tag SCHEMA = Tag.of(NS, "Schema");
    private static final Tag PROPERTIES = Tag.of(NS, "Properties");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag RESPONSE = Tag.of(NS, "Response");
    private static final Tag EMPTY_FOLDER_CONTENTS = Tag.of(NS, "EmptyFolderContents");
    private static final Tag MOVE = Tag.of(NS, "Move");
    private static final Tag CONVERSATION_ID = Tag.of(NS, "ConversationId");
    private static final Tag COLLECTION_ID = Tag.of(AS, "CollectionId");
    private static final Tag SERVER_ID = Tag.of(AS, "ServerId");
    private static final Tag CLASS = Tag.of(AS, "Class");
    private static final Tag LONG_ID = Tag.of("Search:", "LongId");
    private static final Tag FILE_REFERENCE = Tag.of(ASB, "FileReference");
    private static final Tag LINK_ID = Tag.of("DocumentLibrary:", "LinkId");
    private static final Tag BODY_PREFERENCE = Tag.of(ASB, "BodyPreference");
    private static final Tag BODY_TYPE = Tag.of(ASB, "Type");
    private static final Tag TRUNCATION_SIZE = Tag.of(ASB, "TruncationSize");
    private static final Tag ALL_OR_NONE = Tag.of(ASB, "AllOrNone");
    private static final Tag DELETE_SUB_FOLDERS = Tag.of(NS, "DeleteSubFolders");
    private static final Tag RANGE = Tag.of(NS, "Range");
    private static final Tag TOTAL = Tag.of(NS, "Total");
    private static final Tag DATA = Tag.of(NS, "Data");
    private static final Tag PART = Tag.of(NS, "Part");
    private static final Tag CONTENT_TYPE = Tag.of(ASB, "ContentType");
    private static final String OK = "1";
    private static final String PROTOCOL_ERROR = "2";
    private static final String SERVER_ERROR = "3";
    private static final String NOT_FOUND = "6";
    private static final String UNKNOWN_STORE = "9";
    private static final String INVALID_ATTACHMENT = "15";
    private static final String BAD_RANGE = "8";

    @EJB
    ItemOperations items;

    @EJB
    MailFetch mail;

    @Override
    public Tag root() {
        return ROOT;
    }

    /** One operation's answer, written in request order once all have run. */
    @FunctionalInterface
    private interface Answer {
        void write(WbxmlWriter out, ProtocolVersion version) throws IOException;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        List<Answer> answers = new ArrayList<>();
        MultipartParts parts = x.query().flag("AcceptMultiPart") ? new MultipartParts() : null;
        for (Element operation : x.request(ROOT).children()) {
            if (operation.is(FETCH)) {
                answers.add(fetch(x, operation, parts));
            } else if (operation.is(EMPTY_FOLDER_CONTENTS)) {
                answers.add(emptyFolderContents(x, operation));
            } else if (operation.is(MOVE)) {
                String conversation = operation.childText(CONVERSATION_ID).orElse("");
                answers.add((out, v) -> out.start(MOVE).text(STATUS, NOT_FOUND).text(CONVERSATION_ID, conversation).end());
            } else {
                return Wbxml.status(this, Integer.parseInt(PROTOCOL_ERROR));
            }
        }
        if (answers.isEmpty()) {
            return Wbxml.status(this, Integer.parseInt(PROTOCOL_ERROR));
        }
        Wbxml.Body body = out -> {
            out.start(ROOT).text(STATUS, OK).start(RESPONSE);
            for (Answer a : answers) {
                a.write(out, x.version());
            }
            out.end().end();
        };
        if (parts == null) {
            return Wbxml.ok(body);
        }
        try {
            return parts.response(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Answer fetch(EasExchange x, Element fetch, MultipartParts parts) {
        String store = fetch.childText(STORE).orElse("");
        if (!store.equalsIgnoreCase("Mailbox")) {
            return failedFetch(store.isEmpty() ? PROTOCOL_ERROR : UNKNOWN_STORE, fetch);
        }
        Optional<String> fileReference = fetch.childText(FILE_REFERENCE);
        if (fileReference.isPresent()) {
            return attachment(x, fetch, fileReference.get(), parts);
        }
        Optional<String> longId = fetch.childText(LONG_ID);
        if (longId.isPresent()) { // a search result: always mail
            return mailFetch(fetch, mail.fetch(x.device().id(), x.user().userId(), x.mail(), longId.get(), BodyRequests.of(fetch.child(OPTIONS), x.version())));
        }
        Optional<String> collectionId = fetch.childText(COLLECTION_ID);
        Optional<String> serverId = fetch.childText(SERVER_ID);
        if (collectionId.isEmpty() || serverId.isEmpty()) {
            return failedFetch(PROTOCOL_ERROR, fetch);
        }
        FetchResult found = items.fetch(x.user().userId(), collectionId.get(), serverId.get());
        if (found.status() == FetchResult.Status.MAIL) {
            return mailFetch(fetch, mail.fetch(x.device().id(), x.user().userId(), x.mail(), collectionId.get(), serverId.get(),
                    BodyRequests.of(fetch.child(OPTIONS), x.version())));
        }
        if (found.status() == FetchResult.Status.NOT_FOUND) {
            return failedFetch(NOT_FOUND, fetch);
        }
        ItemCodec codec = ItemCodecs.of(found.itemClass());
        ItemCodec.Selection selection = selection(fetch.child(OPTIONS));
        return (out, version) -> {
            out.start(FETCH).text(STATUS, OK).text(COLLECTION_ID, collectionId.get()).text(SERVER_ID, serverId.get())
                    .text(CLASS, ItemCodecs.className(found.itemClass())).start(PROPERTIES);
            codec.write(out, found.properties(), version, selection);
            out.end().end();
        };
    }

    /**
     * An attachment by FileReference, whole or the Range asked for (over its decoded bytes), as base64 Data; Range and
     * Total tell what came. A reference to nothing of the user's is an invalid attachment (15).
     */
    private Answer attachment(EasExchange x, Element fetch, String fileReference, MultipartParts parts) {
        Optional<String> range = fetch.child(OPTIONS).flatMap(o -> o.childText(RANGE));
        long offset = 0;
        long length = -1;
        if (range.isPresent()) {
            String[] bounds = range.get().trim().split("-");
            try {
                offset = Long.parseLong(bounds[0].trim());
                long last = Long.parseLong(bounds[1].trim());
                length = last - offset + 1;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                length = 0;
            }
            if (offset < 0 || length <= 0) {
                return failedFetch(BAD_RANGE, fetch);
            }
        }
        Optional<AttachmentDownload> found = mail.attachment(x.device().id(), x.user().userId(), x.mail(), fileReference, offset, length);
        if (found.isEmpty()) {
            return failedFetch(INVALID_ATTACHMENT, fetch);
        }
        AttachmentDownload download = found.get();
        if (range.isPresent() && download.from() >= download.total() && download.total() > 0) {
            download.close();
            return failedFetch(BAD_RANGE, fetch);
        }
        boolean ranged = range.isPresent();
        return (out, version) -> {
            out.start(FETCH).text(STATUS, OK).text(FILE_REFERENCE, fileReference).start(PROPERTIES)
                    .text(CONTENT_TYPE, download.contentType());
            if (ranged) {
                out.text(RANGE, download.from() + "-" + (download.from() + Math.max(download.length(), 1) - 1))
                        .text(TOTAL, String.valueOf(download.total()));
            }
            if (parts != null) {
                out.text(PART, String.valueOf(parts.add(download))); // the bytes follow the WBXML, as that part
            } else {
                try (download; java.io.InputStream data = download.open()) {
                    out.base64(DATA, data);
                }
            }
            out.end().end();
        };
    }

    /** A mail, its body chosen by the mail store from the client's BodyPreference; Schema still limits the elements. */
    private Answer mailFetch(Element fetch, Optional<java.util.Map<String, Object>> found) {
        if (found.isEmpty()) {
            return failedFetch(NOT_FOUND, fetch);
        }
        ItemCodec codec = ItemCodecs.of(ItemClass.EMAIL);
        ItemCodec.Selection selection = selection(fetch.child(OPTIONS));
        ItemCodec.Selection schemaOnly = new ItemCodec.Selection(selection.schema(), -1, false);
        return (out, version) -> {
            out.start(FETCH).text(STATUS, OK);
            for (Tag id : List.of(LONG_ID, COLLECTION_ID, SERVER_ID)) {
                Optional<String> value = fetch.childText(id);
                if (value.isPresent()) {
                    out.text(id, value.get());
                }
            }
            out.text(CLASS, ItemCodecs.className(ItemClass.EMAIL)).start(PROPERTIES);
            codec.write(out, found.get(), version, schemaOnly);
            out.end().end();
        };
    }

    /** A failed Fetch names what the client asked for, so it can tell the answers apart. */
    private static Answer failedFetch(String status, Element fetch) {
        return (out, version) -> {
            out.start(FETCH).text(STATUS, status);
            for (Tag id : List.of(LONG_ID, COLLECTION_ID, SERVER_ID, FILE_REFERENCE, LINK_ID)) {
                Optional<String> value = fetch.childText(id);
                if (value.isPresent()) {
                    out.text(id, value.get());
                }
            }
            out.end();
        };
    }

    /** Schema names the top-level elements wanted; of several BodyPreferences, plain text's (the only body kept here) counts. */
    private static ItemCodec.Selection selection(Optional<Element> options) {
        if (options.isEmpty()) {
            return ItemCodec.Selection.ALL;
        }
        Set<Tag> schema = new HashSet<>();
        options.get().children(SCHEMA).forEach(s -> s.children().forEach(e -> schema.add(e.tag())));
        Optional<Element> preference = options.get().children(BODY_PREFERENCE).stream()
                .min(Comparator.comparing(p -> !"1".equals(p.childText(BODY_TYPE).orElse(""))));
        int truncation = preference.flatMap(p -> p.childText(TRUNCATION_SIZE)).map(ItemOperationsCommand::size).orElse(-1);
        boolean allOrNone = preference.flatMap(p -> p.childText(ALL_OR_NONE)).map("1"::equals).orElse(false);
        return new ItemCodec.Selection(schema, truncation, allOrNone);
    }

    private static int size(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Empties a mail folder (and its subfolders with DeleteSubFolders); PIM folders are not emptied this way. */
    private Answer emptyFolderContents(EasExchange x, Element operation) {
        String collectionId = operation.childText(COLLECTION_ID).orElse("");
        boolean deleteSubfolders = operation.child(OPTIONS).flatMap(o -> o.child(DELETE_SUB_FOLDERS)).isPresent();
        String status;
        if (mail.empty(x.user().userId(), x.mail(), collectionId, deleteSubfolders)) {
            status = OK;
        } else if (items.knownFolder(x.user().userId(), collectionId)) {
            LOG.info(() -> "Refused EmptyFolderContents of PIM folder " + collectionId + ": phones empty only mail folders");
            status = PROTOCOL_ERROR;
        } else {
            status = NOT_FOUND;
        }
        return (out, version) -> out.start(EMPTY_FOLDER_CONTENTS).text(STATUS, status).text(COLLECTION_ID, collectionId).end();
    }
}
