package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.empty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * Mailbox search as phones use it: a 14.1 phone searches a word of a subject (Search, Store Mailbox) and fetches the
 * mail it found by its LongId with ItemOperations; a 16.1 phone finds it with Find and fetches it by CollectionId and
 * ServerId. The mail comes in through the test mail server (GreenMail, or Dovecot with -Pdovecot).
 */
class MailSearchIT extends ServerIT {
    static final String S = "Search:";
    static final String F = "Find:";
    static final String AS = "AirSync:";
    static final String IO = "ItemOperations:";
    static final String CONTEXT = "mailsearch.test";
    static final String PASSWORD = "Mail-search-pw-1";

    @BeforeEach
    void mailArrived() {
        usersExist(CONTEXT, "", PASSWORD, "mia", "moe");
    }

    static Element child(Element parent, String ns, String name) {
        return parent.child(Tag.of(ns, name)).orElseThrow(() -> new AssertionError("no " + ns + name + " in " + parent));
    }

    static String text(Element parent, String ns, String name) {
        return child(parent, ns, name).text();
    }

    static Element search(EasClient phone, Element... criteria) {
        EasClient.Answer answer = phone.post("Search", el(S, "Search", el(S, "Store", EasClient.text(S, "Name", "Mailbox"),
                el(S, "Query", el(S, "And", criteria)),
                el(S, "Options", EasClient.text(S, "Range", "0-9"), empty(S, "RebuildResults"),
                        el("AirSyncBase:", "BodyPreference", EasClient.text("AirSyncBase:", "Type", "1"),
                                EasClient.text("AirSyncBase:", "TruncationSize", "1024"))))));
        assertEquals(200, answer.status());
        assertEquals("1", answer.text(S, "Status"));
        return child(child(answer.root(), S, "Response"), S, "Store");
    }

    static Element fetch(EasClient phone, Element... ids) {
        List<Element> parts = new ArrayList<>(List.of(EasClient.text(IO, "Store", "Mailbox")));
        parts.addAll(List.of(ids));
        parts.add(el(IO, "Options", el("AirSyncBase:", "BodyPreference", EasClient.text("AirSyncBase:", "Type", "1"))));
        EasClient.Answer answer = phone.post("ItemOperations", el(IO, "ItemOperations", el(IO, "Fetch", parts.toArray(Element[]::new))));
        assertEquals(200, answer.status());
        assertEquals("1", answer.text(IO, "Status"));
        Element fetched = child(child(answer.root(), IO, "Response"), IO, "Fetch");
        assertEquals("1", text(fetched, IO, "Status"), fetched.toString());
        return child(fetched, IO, "Properties");
    }

    static String body(Element properties) {
        return text(child(properties, "AirSyncBase:", "Body"), "AirSyncBase:", "Data");
    }

    @Test
    void a141PhoneSearchesAWordOfASubjectAndFetchesTheMailByItsLongId() {
        String word = "budget" + UUID.randomUUID().toString().substring(0, 8);
        TestMail.deliver("mia@" + CONTEXT, "Quarterly " + word + " review");
        TestMail.deliver("mia@" + CONTEXT, "Lunch plans");
        EasClient phone = phone("mia@" + CONTEXT, PASSWORD, "mia-search-141", "iPhone", "14.1");
        String inbox = SyncIT.collection(phone, "Inbox");

        Element store = search(phone, EasClient.text(AS, "Class", "Email"), EasClient.text(AS, "CollectionId", inbox),
                EasClient.text(S, "FreeText", word));
        assertEquals("1", text(store, S, "Status"));
        assertEquals("1", text(store, S, "Total"));
        assertEquals("0-0", text(store, S, "Range"));
        Element result = child(store, S, "Result");
        assertEquals("Email", text(result, AS, "Class"));
        assertEquals(inbox, text(result, AS, "CollectionId"));
        String longId = text(result, S, "LongId");
        assertTrue(longId.startsWith(inbox + ":"), longId);
        Element properties = child(result, S, "Properties");
        assertEquals("Quarterly " + word + " review", text(properties, "Email:", "Subject"));
        assertTrue(body(properties).startsWith("Hello"), properties.toString());

        Element fetched = fetch(phone, EasClient.text(S, "LongId", longId));
        assertEquals("Quarterly " + word + " review", text(fetched, "Email:", "Subject"));
        assertTrue(body(fetched).startsWith("Hello"));

        Element everywhere = search(phone, EasClient.text(S, "FreeText", word.toUpperCase(Locale.ROOT)));
        assertEquals("1", text(everywhere, S, "Total"), "all mail folders, whatever the case");

        Element none = search(phone, EasClient.text(S, "FreeText", "nowhere" + word));
        assertEquals("1", text(none, S, "Status"));
        assertEquals("0", text(none, S, "Total"));
        assertTrue(child(none, S, "Result").children().isEmpty());

        Element unknown = search(phone, EasClient.text(AS, "CollectionId", "987654321"), EasClient.text(S, "FreeText", word));
        assertEquals("11", text(unknown, S, "Status"), "a folder the phone should learn of by FolderSync");
    }

    @Test
    void a161PhoneFindsTheMailAndFetchesItByCollectionAndServerId() {
        String word = "offsite" + UUID.randomUUID().toString().substring(0, 8);
        TestMail.deliver("moe@" + CONTEXT, "Planning the " + word);
        EasClient phone = phone("moe@" + CONTEXT, PASSWORD, "moe-find-161", "WindowsMail", "16.1");
        String inbox = SyncIT.collection(phone, "Inbox");

        EasClient.Answer answer = phone.post("Find", el(F, "Find", EasClient.text(F, "SearchId", UUID.randomUUID().toString()),
                el(F, "ExecuteSearch", el(F, "MailBoxSearchCriterion",
                        el(F, "Query", EasClient.text(AS, "Class", "Email"), EasClient.text(F, "FreeText", word)),
                        el(F, "Options", EasClient.text(F, "Range", "0-24"), empty(F, "DeepTraversal"))))));
        assertEquals(200, answer.status());
        assertEquals("1", answer.text(F, "Status"));
        Element response = child(answer.root(), F, "Response");
        assertEquals("Mailbox", text(response, IO, "Store"));
        assertEquals("1", text(response, F, "Status"));
        assertEquals("1", text(response, F, "Total"));
        Element result = child(response, F, "Result");
        assertEquals(inbox, text(result, AS, "CollectionId"));
        String serverId = text(result, AS, "ServerId");
        Element properties = child(result, F, "Properties");
        assertEquals("Planning the " + word, text(properties, "Email:", "Subject"));
        assertTrue(text(properties, F, "Preview").startsWith("Hello"), properties.toString());
        assertEquals("0", text(properties, F, "HasAttachments"));
        assertEquals("0", text(properties, "Email:", "Read"));

        Element fetched = fetch(phone, EasClient.text(AS, "CollectionId", inbox), EasClient.text(AS, "ServerId", serverId));
        assertEquals("Planning the " + word, text(fetched, "Email:", "Subject"));
        assertEquals("Hello", body(fetched).strip());
    }
}
