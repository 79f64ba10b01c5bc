package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.syncbridge.web.eas.command.MailboxQueriesTest.and;
import static org.syncbridge.web.eas.command.MailboxQueriesTest.e;
import static org.syncbridge.web.eas.command.MailboxQueriesTest.store;
import static org.syncbridge.web.eas.command.MailboxQueriesTest.t;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncbridge.auth.AuthenticatedUser;
import org.syncbridge.device.DeviceEntry;
import org.syncbridge.device.DeviceGate;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.message.BodyType;
import org.syncbridge.mail.message.ChosenBody;
import org.syncbridge.mail.message.MailAttachment;
import org.syncbridge.mail.message.MailSummary;
import org.syncbridge.mail.sync.MailSearch;
import org.syncbridge.mail.sync.MailSearchPage;
import org.syncbridge.mail.sync.MailSearchRequest;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.EasQuery;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Libwbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/** Search (Store Mailbox) and Find answers as a phone reads them, over a mail search that answers as told. */
class MailboxSearchAnswersTest {
    static final String S = "Search:";
    static final String F = "Find:";

    final List<MailSearchRequest> asked = new ArrayList<>();
    MailSearchPage answer;

    final MailSearch mail = new MailSearch() {
        @Override
        public MailSearchPage search(MailSearchRequest r) {
            asked.add(r);
            return answer;
        }
    };

    static Map<String, Object> mailProperties(String subject) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("to", "\"Mia Muster\" <mia@example.org>");
        p.put("cc", "\"Bo Berg\" <bo@example.org>, carl@example.org");
        p.put("from", "\"Ann Example\" <ann@example.com>");
        p.put("subject", subject);
        p.put("dateReceived", "2026-11-20T09:30:00Z");
        p.put("displayTo", "Mia Muster");
        p.put("importance", "1");
        p.put("read", "0");
        p.put("isDraft", "0");
        p.put("messageClass", "IPM.Note");
        p.put("body", new ChosenBody(BodyType.PLAIN, 42, true, new byte[0], "Hello Mia, the budget for Q3 is ready."));
        p.put("attachments", List.of(new MailAttachment("5:17:2", "budget.xlsx", 2048, 1, null, null, false, "application/octet-stream")));
        return p;
    }

    static EasExchange exchange(ProtocolVersion version, Element body) {
        AuthenticatedUser user = new AuthenticatedUser(7, 1, "defaultcontext", "mia", "Mia Muster", "mia@example.org", true, false, "mia");
        EasQuery query = new EasQuery(body.tag().name(), "mia", "dev1", "iPhone", Optional.empty(), null, Map.of());
        return new EasExchange(user, new MailLogin("mia", "pw"), new DeviceEntry(42, "dev1", "iPhone", DeviceGate.ALLOWED), version,
                query, Optional.of(body));
    }

    static byte[] bytes(Wbxml.Body answer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WbxmlWriter writer = new WbxmlWriter(out);
        answer.write(writer);
        writer.finish();
        return out.toByteArray();
    }

    static Element decode(Wbxml.Body answer) throws Exception {
        return new WbxmlDecoder().decode(new ByteArrayInputStream(bytes(answer)));
    }

    static Element child(Element parent, String ns, String name) {
        return parent.child(Tag.of(ns, name)).orElseThrow(() -> new AssertionError("no " + ns + name + " in " + parent));
    }

    static String text(Element parent, String ns, String name) {
        return child(parent, ns, name).text();
    }

    Element search(ProtocolVersion version, Element store) throws Exception {
        SearchCommand command = new SearchCommand();
        command.mail = mail;
        return decode(command.answer(exchange(version, Element.of(Tag.of(S, "Search"), store))));
    }

    @Test
    void aMailboxSearchAnswersLongIdCollectionAndTheMailAsTheEmailCodecWritesIt() throws Exception {
        answer = new MailSearchPage(MailSearchPage.Outcome.OK, 2, 2, 0, List.of(
                new MailSearchPage.Hit("5", "17", "5:17", mailProperties("Budget Q3"))));
        Element body = e("AirSyncBase:", "BodyPreference", t("AirSyncBase:", "Type", "2"), t("AirSyncBase:", "TruncationSize", "512"));
        Element response = search(ProtocolVersion.V14_1, store(and(t("AirSync:", "Class", "Email"), t(S, "FreeText", "budget")),
                t(S, "Range", "0-9"), body));

        assertEquals("1", text(response, S, "Status"));
        Element store = child(child(response, S, "Response"), S, "Store");
        assertEquals("1", text(store, S, "Status"));
        Element result = child(store, S, "Result");
        assertEquals("Email", text(result, "AirSync:", "Class"));
        assertEquals("5:17", text(result, S, "LongId"));
        assertEquals("5", text(result, "AirSync:", "CollectionId"));
        Element properties = child(result, S, "Properties");
        assertEquals("Budget Q3", text(properties, "Email:", "Subject"));
        assertEquals("2026-11-20T09:30:00.000Z", text(properties, "Email:", "DateReceived"));
        assertEquals("budget.xlsx", text(child(child(properties, "AirSyncBase:", "Attachments"), "AirSyncBase:", "Attachment"),
                "AirSyncBase:", "DisplayName"));
        assertEquals("0-0", text(store, S, "Range"));
        assertEquals("2", text(store, S, "Total"));

        MailSearchRequest r = asked.get(0);
        assertEquals(List.of("budget"), r.query().terms());
        assertEquals(42, r.deviceId());
        assertEquals(7, r.userId());
        assertEquals(0, r.first());
        assertEquals(9, r.last());
        assertFalse(r.continuation());
        assertEquals(BodyType.HTML, r.bodies().wishes().get(0).type(), "the Options' BodyPreference");
        assertEquals(512, r.bodies().wishes().get(0).truncationSize());
    }

    @Test
    void libwbxmlReadsAMailboxSearchAnswerAsWeDo(@TempDir Path work) throws Exception {
        assumeTrue(Libwbxml.installed(), "Debian's libwbxml2-utils is not installed");
        answer = new MailSearchPage(MailSearchPage.Outcome.OK, 1, 1, 0, List.of(new MailSearchPage.Hit("5", "17", "5:17", mailProperties("Grüße"))));
        SearchCommand command = new SearchCommand();
        command.mail = mail;
        byte[] wbxml = bytes(command.answer(exchange(ProtocolVersion.V14_1, Element.of(Tag.of(S, "Search"),
                store(and(t(S, "FreeText", "grüße")))))));
        Path file = Files.write(work.resolve("search.wbxml"), wbxml);
        Element ours = new WbxmlDecoder().decode(new ByteArrayInputStream(wbxml));
        assertEquals(List.of(), new Libwbxml().differences(ours, Libwbxml.wbxml2xml(file, work)));
    }

    @Test
    void aWideRangeGetsAHundredAndStatus12AndAnEmptyResultStillCountsTheTotal() throws Exception {
        List<MailSearchPage.Hit> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add(new MailSearchPage.Hit("5", String.valueOf(i + 1), "5:" + (i + 1), mailProperties("m" + i)));
        }
        answer = new MailSearchPage(MailSearchPage.Outcome.OK, 250, 250, 0, hundred);
        Element store = child(child(search(ProtocolVersion.V14_1, store(and(t(S, "FreeText", "m")), t(S, "Range", "0-199"))),
                S, "Response"), S, "Store");
        assertEquals("12", text(store, S, "Status"));
        assertEquals(100, store.children(Tag.of(S, "Result")).size());
        assertEquals("0-99", text(store, S, "Range"));
        assertEquals(99, asked.get(0).last(), "no more is asked of the mail search than one answer carries");

        answer = new MailSearchPage(MailSearchPage.Outcome.OK, 0, 0, 0, List.of());
        Element none = child(child(search(ProtocolVersion.V14_1, store(and(t(S, "FreeText", "nothing")))), S, "Response"), S, "Store");
        assertEquals("1", text(none, S, "Status"));
        assertTrue(child(none, S, "Result").children().isEmpty());
        assertTrue(none.child(Tag.of(S, "Range")).isEmpty());
        assertEquals("0", text(none, S, "Total"));
    }

    @Test
    void badQueriesAndUnknownFoldersGetTheirStoreStatusAndGalStillWorks() throws Exception {
        Element tooComplex = search(ProtocolVersion.V14_1, store(e(S, "Query", e(S, "Or", t(S, "FreeText", "a")))));
        assertEquals("8", text(child(child(tooComplex, S, "Response"), S, "Store"), S, "Status"));

        answer = new MailSearchPage(MailSearchPage.Outcome.UNKNOWN_FOLDER, 0, 0, 0, List.of());
        Element unknown = search(ProtocolVersion.V14_1, store(and(t("AirSync:", "CollectionId", "999"), t(S, "FreeText", "a"))));
        assertEquals("11", text(child(child(unknown, S, "Response"), S, "Store"), S, "Status"));

        asked.clear();
        Element contacts = search(ProtocolVersion.V14_1, store(and(t("AirSync:", "Class", "Contacts"), t(S, "FreeText", "ann"))));
        assertEquals("0", text(child(child(contacts, S, "Response"), S, "Store"), S, "Total"));
        assertTrue(asked.isEmpty(), "only mail is searched in the mailbox");

        Element old = search(ProtocolVersion.V2_5, store(and(t(S, "FreeText", "a"))));
        assertEquals("2", text(child(child(old, S, "Response"), S, "Store"), S, "Status"), "no LongIds before 12.0");

        Element galWithoutQuery = search(ProtocolVersion.V14_1, Element.of(Tag.of(S, "Store"), t(S, "Name", "GAL")));
        assertEquals("2", text(child(child(galWithoutQuery, S, "Response"), S, "Store"), S, "Status"), "GAL is read as before");
        assertTrue(asked.isEmpty());
    }

    Element find(ProtocolVersion version, Element... children) throws Exception {
        FindCommand command = new FindCommand();
        command.mail = mail;
        return decode(command.answer(exchange(version, Element.of(Tag.of(F, "Find"), children))));
    }

    static Element mailboxCriterion(String range, Element... query) {
        return e(F, "ExecuteSearch", e(F, "MailBoxSearchCriterion", e(F, "Query", query), e(F, "Options", t(F, "Range", range))));
    }

    static final String SEARCH_ID = "0f6e5c36-1111-4b7e-9a0d-6b1a2e3c4d5e";

    @Test
    void aFindAnswersEachMailsSummaryByServerIdAndCollection() throws Exception {
        answer = new MailSearchPage(MailSearchPage.Outcome.OK, 3, 3, 0, List.of(
                new MailSearchPage.Hit("5", "5017", "5:17", mailProperties("Budget Q3"))));
        Element response = find(ProtocolVersion.V16_1, t(F, "SearchId", SEARCH_ID),
                mailboxCriterion("0-24", t("AirSync:", "CollectionId", "5"), t(F, "FreeText", "budget")));

        assertEquals("1", text(response, F, "Status"));
        Element r = child(response, F, "Response");
        assertEquals("Mailbox", text(r, "ItemOperations:", "Store"));
        assertEquals("1", text(r, F, "Status"));
        Element result = child(r, F, "Result");
        assertEquals(List.of("AirSync:Class", "AirSync:ServerId", "AirSync:CollectionId", "Find:Properties"),
                result.children().stream().map(c -> c.tag().toString()).toList(), "the schema's order");
        assertEquals("5017", text(result, "AirSync:", "ServerId"), "the ServerId the device knows the mail by");
        assertEquals("5", text(result, "AirSync:", "CollectionId"));
        Element p = child(result, F, "Properties");
        assertEquals(List.of("Email:Subject", "Email:DateReceived", "Email:DisplayTo", "Find:DisplayCc", "Email:Importance",
                "Email:Read", "Email2:IsDraft", "Find:Preview", "Find:HasAttachments", "Email:From"),
                p.children().stream().map(c -> c.tag().toString()).toList());
        assertEquals("Bo Berg; carl@example.org", text(p, F, "DisplayCc"));
        assertEquals("Hello Mia, the budget for Q3 is ready.", text(p, F, "Preview"));
        assertEquals("1", text(p, F, "HasAttachments"));
        assertEquals("0-0", text(r, F, "Range"));
        assertEquals("3", text(r, F, "Total"));

        MailSearchRequest asked0 = asked.get(0);
        assertEquals(SEARCH_ID, asked0.searchId());
        assertEquals(24, asked0.last());
        assertFalse(asked0.continuation());
        assertEquals(MailSummary.BODIES, asked0.bodies(), "a preview, no body");
    }

    @Test
    void aFindPageContinuesItsSearchAndRefusalsCarryTheirStatus() throws Exception {
        answer = new MailSearchPage(MailSearchPage.Outcome.NOT_REMEMBERED, 0, 0, 0, List.of());
        Element forgotten = find(ProtocolVersion.V16_1, t(F, "SearchId", SEARCH_ID), mailboxCriterion("25-49", t(F, "FreeText", "budget")));
        assertTrue(asked.get(0).continuation(), "a page after the first continues the search");
        assertEquals("4", text(child(forgotten, F, "Response"), F, "Status"));

        answer = new MailSearchPage(MailSearchPage.Outcome.UNKNOWN_FOLDER, 0, 0, 0, List.of());
        Element unknown = find(ProtocolVersion.V16_1, t(F, "SearchId", SEARCH_ID),
                mailboxCriterion("0-9", t("AirSync:", "CollectionId", "77"), t(F, "FreeText", "budget")));
        assertEquals("3", text(child(unknown, F, "Response"), F, "Status"));

        int before = asked.size();
        Element noText = find(ProtocolVersion.V16_1, t(F, "SearchId", SEARCH_ID), mailboxCriterion("0-9", t("AirSync:", "CollectionId", "5")));
        assertEquals("2", text(child(noText, F, "Response"), F, "Status"));
        Element gal = find(ProtocolVersion.V16_1, t(F, "SearchId", SEARCH_ID),
                e(F, "ExecuteSearch", e(F, "GalSearchCriterion", t(F, "Query", "ann"))));
        assertEquals("GAL", text(child(gal, F, "Response"), "ItemOperations:", "Store"));
        assertEquals("2", text(child(gal, F, "Response"), F, "Status"));
        Element noSearchId = find(ProtocolVersion.V16_1, mailboxCriterion("0-9", t(F, "FreeText", "budget")));
        assertEquals("2", text(noSearchId, F, "Status"));
        assertTrue(noSearchId.child(Tag.of(F, "Response")).isEmpty());
        Element old = find(ProtocolVersion.V16_0, t(F, "SearchId", SEARCH_ID), mailboxCriterion("0-9", t(F, "FreeText", "budget")));
        assertEquals("2", text(old, F, "Status"), "Find is 16.1's");
        assertEquals(before, asked.size(), "none of these searched");
    }
}
