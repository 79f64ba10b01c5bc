package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.sync.MailQuery;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** What a mailbox Search and a Find ask for, and which requests get which status. */
class MailboxQueriesTest {
    static final String S = "Search:";
    static final String F = "Find:";

    static Element t(String ns, String name, String text) {
        return Element.text(Tag.of(ns, name), text);
    }

    static Element e(String ns, String name, Element... children) {
        return Element.of(Tag.of(ns, name), children);
    }

    static Element store(Element query, Element... options) {
        List<Element> children = new ArrayList<>(List.of(t(S, "Name", "Mailbox"), query));
        if (options.length > 0) {
            children.add(e(S, "Options", options));
        }
        return Element.of(Tag.of(S, "Store"), children);
    }

    static Element and(Element... criteria) {
        return e(S, "Query", e(S, "And", criteria));
    }

    static Element date(String comparison, String value) {
        return e(S, comparison, Element.empty(Tag.of("Email:", "DateReceived")), t(S, "Value", value));
    }

    @Test
    void aSearchReadsFoldersTextDatesAndConversation() {
        byte[] conversation = new byte[16];
        conversation[3] = 7;
        MailboxQueries.Read read = MailboxQueries.search(store(and(t("AirSync:", "Class", "Email"), t("AirSync:", "CollectionId", "5"),
                t("AirSync:", "CollectionId", "9"), t(S, "FreeText", "budget \"Q3 review\""),
                date("GreaterThan", "2026-01-01T00:00:00.000Z"), date("LessThan", "2026-02-01T12:30:00.000Z"),
                Element.opaque(Tag.of(S, "ConversationId"), conversation)),
                t(S, "Range", "10-19"), Element.empty(Tag.of(S, "DeepTraversal")), Element.empty(Tag.of(S, "RebuildResults"))));

        MailboxQueries.Query q = read.query();
        MailQuery query = q.query();
        assertEquals(List.of("budget", "Q3 review"), query.terms());
        assertEquals(List.of("5", "9"), query.collectionIds());
        assertTrue(query.deepTraversal());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), query.receivedAfter());
        assertEquals(Instant.parse("2026-02-01T12:30:00Z"), query.receivedBefore());
        assertArrayEquals(conversation, query.conversationId());
        assertTrue(q.mail());
        assertTrue(q.rebuild());
        assertEquals(10, q.first());
        assertEquals(19, q.last());
    }

    @Test
    void aSearchAnswersAHundredAtMostAndSaysWhenItWasAskedForMore() {
        MailboxQueries.Query plain = MailboxQueries.search(store(and(t(S, "FreeText", "x")))).query();
        assertEquals(0, plain.first());
        assertEquals(99, plain.last(), "the default range");
        assertFalse(plain.rebuild());

        MailboxQueries.Query wide = MailboxQueries.search(store(and(t(S, "FreeText", "x")), t(S, "Range", "50-399"))).query();
        assertEquals(50, wide.first());
        assertEquals(149, wide.last());
        assertTrue(wide.beyondReach(400, 400), "results 150-399 exist but are not sent");
        assertFalse(wide.beyondReach(120, 120), "all results from 50 on were sent");
        assertFalse(plain.beyondReach(100, 100));
        assertFalse(plain.beyondReach(40, 40));
        MailboxQueries.Query far = MailboxQueries.search(store(and(t(S, "FreeText", "x")), t(S, "Range", "990-1010"))).query();
        assertTrue(far.beyondReach(5000, 1000), "results past the thousandth are never reached");
        assertFalse(far.beyondReach(1000, 1000));
    }

    @Test
    void malformedSearchesAreInvalidAndUnsupportedOnesTooComplex() {
        assertEquals(2, MailboxQueries.search(store(t(S, "Query", "budget"))).status(), "a GAL-style query");
        assertEquals(2, MailboxQueries.search(store(e(S, "Query"))).status());
        assertEquals(2, MailboxQueries.search(store(and(t("AirSync:", "CollectionId", "5")))).status(), "no criterion");
        assertEquals(2, MailboxQueries.search(store(and(date("GreaterThan", "yesterday")))).status());
        assertEquals(2, MailboxQueries.search(store(and(e(S, "GreaterThan", t(S, "Value", "2026-01-01T00:00:00.000Z"))))).status());
        assertEquals(2, MailboxQueries.search(store(and(Element.opaque(Tag.of(S, "ConversationId"), new byte[5])))).status());
        assertEquals(2, MailboxQueries.search(store(and(t(S, "FreeText", "x")), t(S, "Range", "9-1"))).status());
        assertEquals(2, MailboxQueries.search(store(and(t(S, "FreeText", "x".repeat(1025))))).status());

        assertEquals(8, MailboxQueries.search(store(e(S, "Query", t(S, "FreeText", "x")))).status(), "no And");
        assertEquals(8, MailboxQueries.search(store(and(e(S, "Or", t(S, "FreeText", "a"), t(S, "FreeText", "b"))))).status());
        assertEquals(8, MailboxQueries.search(store(and(e(S, "GreaterThan", t("Email:", "Subject", "x"), t(S, "Value", "y"))))).status());
        assertEquals(8, MailboxQueries.search(store(and(date("LessThan", "2026-01-01T00:00:00.000Z"),
                date("LessThan", "2026-02-01T00:00:00.000Z")))).status());
        assertEquals(8, MailboxQueries.search(store(and(t(S, "FreeText", "a b c d e f g h i j k")))).status(), "eleven words");
    }

    @Test
    void aClassListWithoutEmailAsksForNoMail() {
        MailboxQueries.Query q = MailboxQueries.search(store(and(t("AirSync:", "Class", "Contacts"), t(S, "FreeText", "ann")))).query();
        assertFalse(q.mail());
        assertTrue(MailboxQueries.search(store(and(t("AirSync:", "Class", "Tasks"), t("AirSync:", "Class", "Email"),
                t(S, "FreeText", "ann")))).query().mail());
    }

    static Element criterion(Element query, Element... options) {
        List<Element> children = new ArrayList<>(List.of(query));
        if (options.length > 0) {
            children.add(e(F, "Options", options));
        }
        return Element.of(Tag.of(F, "MailBoxSearchCriterion"), children);
    }

    @Test
    void aFindReadsFreeTextFolderAndRangeUpTo999() {
        MailboxQueries.Query q = MailboxQueries.find(criterion(e(F, "Query", t("AirSync:", "Class", "Email"),
                t("AirSync:", "CollectionId", "5"), t(F, "FreeText", "lunch friday")),
                t(F, "Range", "0-999"), Element.empty(Tag.of(F, "DeepTraversal")))).query();
        assertEquals(List.of("lunch", "friday"), q.query().terms());
        assertEquals(List.of("5"), q.query().collectionIds());
        assertTrue(q.query().deepTraversal());
        assertEquals(0, q.first());
        assertEquals(999, q.last());

        MailboxQueries.Query plain = MailboxQueries.find(criterion(e(F, "Query", t(F, "FreeText", "lunch")))).query();
        assertEquals(List.of(), plain.query().collectionIds());
        assertFalse(plain.query().deepTraversal());
        assertEquals(999, plain.last(), "the default range");
    }

    @Test
    void aFindWithoutFreeTextOrWithAWideRangeIsInvalid() {
        assertNull(MailboxQueries.find(criterion(e(F, "Query", t("AirSync:", "CollectionId", "5")))).query());
        assertEquals(2, MailboxQueries.find(criterion(e(F, "Query", t(F, "FreeText", "  ")))).status());
        assertEquals(2, MailboxQueries.find(criterion(e(F, "Query", t(F, "FreeText", "x")), t(F, "Range", "0-1000"))).status());
        assertEquals(2, MailboxQueries.find(Element.of(Tag.of(F, "MailBoxSearchCriterion"), List.of())).status());
        assertEquals(2, MailboxQueries.find(criterion(e(F, "Query", t(F, "FreeText", "x"), t("AirSync:", "ServerId", "1")))).status());
    }
}
