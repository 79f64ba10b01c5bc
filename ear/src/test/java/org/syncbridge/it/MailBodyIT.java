package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.empty;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MailView.ASB;
import static org.syncbridge.it.MailView.E;
import static org.syncbridge.it.MailView.bodyData;
import static org.syncbridge.it.MailView.bodyPartPreference;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.child;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.mimeSupport;
import static org.syncbridge.it.MailView.options;
import static org.syncbridge.it.MailView.value;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Mail bodies as phones ask for them (MS-ASAIRS BodyPreference): plain text, HTML and the original MIME, whole
 * or cut at TruncationSize with Truncated and the whole size in EstimatedDataSize; an S/MIME signed mail as its
 * original bytes (MIMESupport 1 and 2); from 14.1 the message part of a reply (BodyPartPreference, BodyPart) without
 * the mail it quotes. The fixture mails (ear/src/test/resources/mail) are delivered by the mail system, and what the
 * IMAP server holds is the reference for MIME.
 */
@Tag("mail")
class MailBodyIT extends ServerIT {
    static final String CONTEXT = "mailbody.test";
    static final String LOGIN = "bodies@" + CONTEXT;
    static final String PASSWORD = "Mail-body-pw-1";
    static final String PLAIN = "Maßnahmen für das nächste Quartal";
    static final String HTML = "Terminübersicht KW 47";
    static final String SIGNED = "Freigabe Vertrag (signiert)";
    static final String REPLY = "Re: Raumplanung KW 47";
    static final String NEW_TEXT = "Passt, Raum 3 ist gebucht – bis Donnerstag in München! 😀";
    static final String QUOTED = "kannst du für Donnerstag";
    static final String[] FIXTURES = {"plain-latin1.eml", "html.eml", "signed.eml", "reply.eml"};

    @BeforeEach
    void mailsExist() throws Exception {
        usersExist(CONTEXT, "", PASSWORD, "bodies");
        synchronized (MailBodyIT.class) {
            if (TestMail.subjects(LOGIN, "INBOX").isEmpty()) {
                for (String fixture : FIXTURES) {
                    TestMail.deliver(LOGIN, TestMail.fixture(fixture));
                }
            }
        }
    }

    MailView inbox(String deviceId, String version, Element... options) {
        EasClient phone = phone(LOGIN, PASSWORD, deviceId, "iPhone", version);
        MailView inbox = new MailView(phone, MailView.folder(phone, "Inbox"), options(options)).start();
        inbox.syncUntilDone(50, 2);
        assertEquals(FIXTURES.length, inbox.items.size(), "the fixture mails");
        return inbox;
    }

    static Element body(Element data) {
        return child(data, ASB, "Body");
    }

    static Element bodyPart(Element data) {
        return child(data, ASB, "BodyPart");
    }

    static boolean has(Element data, String airSyncBaseName) {
        return data.children().stream().anyMatch(c -> c.tag().namespace().equals(ASB) && c.tag().name().equals(airSyncBaseName));
    }

    /** The mail as the IMAP server holds it (delivery adds trace headers; GreenMail drops the last CRLF), parsed. */
    static MimeMessage held(String subject) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(TestMail.raw(LOGIN, "INBOX", subject)));
    }

    /**
     * Line ends aside, the texts are equal: a body may travel with CRLF or LF, and GreenMail's BODY[section] drops
     * the part's last line end.
     */
    static void assertSameText(String expected, String actual, String what) {
        assertEquals(expected.replace("\r\n", "\n").stripTrailing(), actual.replace("\r\n", "\n").stripTrailing(), what);
    }

    /** The HTML sent is the part's, decoded; its charset declaration may be rewritten, since it travels as UTF-8. */
    static void assertSameHtml(String expected, String actual, String what) {
        String declaration = "(?i)charset=[\"']?[\\w.:-]+";
        assertSameText(expected.replaceAll(declaration, "charset=utf-8"), actual.replaceAll(declaration, "charset=utf-8"), what);
    }

    static boolean truncated(Element body) {
        return value(body, ASB, "Truncated").map(t -> t.equals("1")).orElse(false);
    }

    static long estimated(Element body) {
        return Long.parseLong(value(body, ASB, "EstimatedDataSize").orElseThrow(() -> new AssertionError("no EstimatedDataSize in " + body)));
    }

    /** A cut body: Truncated, the whole size, at most TruncationSize bytes that begin the whole (cut on a character). */
    static void assertCut(Element body, byte[] whole, long truncationSize, String what) {
        assertTrue(truncated(body), what + ": Truncated");
        assertEquals(whole.length, estimated(body), what + ": EstimatedDataSize is the whole body's");
        byte[] cut = bodyData(body);
        assertTrue(cut.length <= truncationSize && cut.length >= truncationSize - 3, what + ": " + cut.length + " bytes for " + truncationSize);
        assertArrayEquals(Arrays.copyOf(whole, cut.length), cut, what + ": the beginning of the whole body");
    }

    /** A whole body: not Truncated, EstimatedDataSize its size. */
    static byte[] assertWhole(Element body, String what) {
        assertTrue(!truncated(body), what + ": not Truncated");
        byte[] whole = bodyData(body);
        assertEquals(whole.length, estimated(body), what + ": EstimatedDataSize");
        return whole;
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void plainHtmlAndMimeBodiesComeWholeOrCutWithTruncatedAndTheirWholeSize(String version) throws Exception {
        String v = version.replace(".", "");
        String expectedPlain = (String) held(PLAIN).getContent();
        Multipart alternative = (Multipart) held(HTML).getContent();
        String expectedAlternativeText = (String) alternative.getBodyPart(0).getContent();
        String expectedHtml = (String) alternative.getBodyPart(1).getContent();

        MailView plainWhole = inbox("plain-" + v, version, filterType("0"), bodyPreference(1, null));
        Element plain = body(plainWhole.bySubject(PLAIN));
        assertEquals("1", value(plain, ASB, "Type").orElseThrow());
        byte[] plainBytes = assertWhole(plain, "plain text, whole");
        assertSameText(expectedPlain, new String(plainBytes, StandardCharsets.UTF_8), "the ISO-8859-1 mail's text, in UTF-8");
        assertSameText(expectedAlternativeText, new String(assertWhole(body(plainWhole.bySubject(HTML)), "plain alternative"),
                StandardCharsets.UTF_8), "Type 1 of an HTML mail is its text/plain alternative");

        MailView plainCut = inbox("plaincut-" + v, version, filterType("0"), bodyPreference(1, 512L));
        assertCut(body(plainCut.bySubject(PLAIN)), plainBytes, 512, "plain text cut at 512");

        MailView htmlCut = inbox("htmlcut-" + v, version, filterType("0"), bodyPreference(2, 1024L));
        Element html = body(htmlCut.bySubject(HTML));
        assertEquals("2", value(html, ASB, "Type").orElseThrow());
        Element fetched = MailView.fetchMail(htmlCut.device, htmlCut.collectionId, htmlCut.idOf(HTML), bodyPreference(2, null));
        assertEquals("1", value(fetched, MailView.IO, "Status").orElseThrow(), "ItemOperations Fetch of the whole HTML body");
        byte[] htmlBytes = assertWhole(body(child(fetched, MailView.IO, "Properties")), "HTML, whole, fetched");
        assertSameHtml(expectedHtml, new String(htmlBytes, StandardCharsets.UTF_8), "the HTML part, decoded");
        assertCut(html, htmlBytes, 1024, "HTML cut at 1024");

        byte[] raw = TestMail.raw(LOGIN, "INBOX", HTML);
        MailView mimeCut = inbox("mimecut-" + v, version, filterType("0"), mimeSupport(2), bodyPreference(4, 2000L));
        Element mime = body(mimeCut.bySubject(HTML));
        assertEquals("4", value(mime, ASB, "Type").orElseThrow());
        assertCut(mime, raw, 2000, "MIME cut at 2000");
        MailView mimeWhole = inbox("mime-" + v, version, filterType("0"), mimeSupport(2), bodyPreference(4, null));
        assertArrayEquals(raw, assertWhole(body(mimeWhole.bySubject(HTML)), "MIME, whole"), "the message as " + TestMail.imapServer() + " holds it");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSignedMailComesAsItsOriginalBytesWithMimeSupport(int mimeSupport) throws Exception {
        MailView inbox = inbox("smime-" + mimeSupport, "14.1", filterType("0"), mimeSupport(mimeSupport),
                bodyPreference(2, 32768L), bodyPreference(4, null));
        Element signed = inbox.bySubject(SIGNED);
        assertEquals("IPM.Note.SMIME.MultipartSigned", value(signed, E, "MessageClass").orElseThrow());
        Element body = body(signed);
        assertEquals("4", value(body, ASB, "Type").orElseThrow(), "MIMESupport " + mimeSupport + " sends a signed mail as MIME");
        byte[] raw = TestMail.raw(LOGIN, "INBOX", SIGNED);
        assertArrayEquals(raw, assertWhole(body, "signed MIME"), "byte for byte as " + TestMail.imapServer() + " holds it");
        String fixture = new String(TestMail.fixture("signed.eml"), StandardCharsets.US_ASCII);
        String signedPart = fixture.substring(fixture.indexOf("\r\n\r\n") + 4).stripTrailing(); // GreenMail drops the last CRLF
        assertTrue(new String(raw, StandardCharsets.US_ASCII).stripTrailing().endsWith(signedPart), "the signed content arrived untouched");

        Element other = body(inbox.bySubject(HTML));
        assertEquals(mimeSupport == 2 ? "4" : "2", value(other, ASB, "Type").orElseThrow(),
                "an unsigned mail comes as MIME only with MIMESupport 2");
    }

    /**
     * 14.1: BodyPartPreference brings every mail its BodyPart, Status 1 and HTML; a reply's is its own text without the
     * mail it quotes, cut at TruncationSize on a character with Truncated and the whole part's size, the same in Sync,
     * ItemOperations (by ServerId and by LongId) and Search. A mail that quotes nothing has its HTML body as its part.
     */
    @Test
    void a141PhoneGetsTheMessagePartOfAReplyWithoutTheQuotedMail() throws Exception {
        MailView inbox = inbox("part-141", "14.1", filterType("0"), bodyPreference(2, null), bodyPartPreference(160L, false));
        for (Element data : inbox.items.values()) {
            assertEquals("1", value(bodyPart(data), ASB, "Status").orElseThrow(), "a BodyPart for every mail: " + data);
            assertEquals("2", value(bodyPart(data), ASB, "Type").orElseThrow());
        }
        Element reply = inbox.bySubject(REPLY);

        Element fetched = MailView.fetchMail(inbox.device, inbox.collectionId, inbox.idOf(REPLY), bodyPartPreference(null, false));
        Element properties = child(fetched, MailView.IO, "Properties");
        assertTrue(!has(properties, "Body"),
                "asked only for the message part, ItemOperations sends only BodyPart (MS-ASCON): " + properties);
        byte[] whole = assertWhole(bodyPart(properties), "the message part, whole, fetched");
        String part = new String(whole, StandardCharsets.UTF_8);
        assertTrue(part.contains(NEW_TEXT) && part.contains("Bob"), part);
        assertFalse(part.contains("schrieb") || part.contains(QUOTED) || part.contains("Punkt 1"), "without the quoted mail: " + part);
        assertCut(bodyPart(reply), whole, 160, "the message part cut at 160");

        String body = new String(assertWhole(body(reply), "the HTML body"), StandardCharsets.UTF_8);
        assertTrue(body.contains(NEW_TEXT) && body.contains(QUOTED), "the Body is the whole mail, quote and all");
        assertTrue(whole.length < body.getBytes(StandardCharsets.UTF_8).length / 2, whole.length + " bytes of " + body.length());

        Element other = child(MailView.fetchMail(inbox.device, inbox.collectionId, inbox.idOf(HTML), bodyPreference(2, null),
                bodyPartPreference(null, false)), MailView.IO, "Properties");
        assertArrayEquals(assertWhole(body(other), "the HTML body"), assertWhole(bodyPart(other), "its message part"),
                "a mail that quotes nothing is its own message part");
        assertEquals(estimated(body(other)), estimated(bodyPart(inbox.bySubject(HTML))), "the same size in Sync");

        EasClient.Answer search = inbox.device.post("Search", el("Search:", "Search", el("Search:", "Store",
                text("Search:", "Name", "Mailbox"), el("Search:", "Query", el("Search:", "And", text(MailView.AS, "Class", "Email"),
                        text(MailView.AS, "CollectionId", inbox.collectionId), text("Search:", "FreeText", "Raumplanung"))),
                el("Search:", "Options", text("Search:", "Range", "0-9"), empty("Search:", "RebuildResults"),
                        bodyPartPreference(160L, false)))));
        assertEquals(200, search.status());
        Element result = child(child(child(search.root(), "Search:", "Response"), "Search:", "Store"), "Search:", "Result");
        Element found = child(result, "Search:", "Properties");
        assertEquals(REPLY, value(found, E, "Subject").orElseThrow());
        assertCut(bodyPart(found), whole, 160, "the message part of a Search result");
        Element byLongId = MailView.fetchMail(inbox.device, value(result, "Search:", "LongId").orElseThrow(), bodyPartPreference(160L, false));
        assertCut(bodyPart(child(byLongId, MailView.IO, "Properties")), whole, 160, "the message part fetched by LongId");

        MailView allOrNone = inbox("part-aon-141", "14.1", filterType("0"), bodyPartPreference(160L, true));
        Element none = allOrNone.bySubject(REPLY);
        assertTrue(!has(none, "Body"), "only BodyPartPreference: no Body");
        assertEquals("1", value(bodyPart(none), ASB, "Status").orElseThrow(), "AllOrNone: Status 1, as Exchange answers");
        assertTrue(truncated(bodyPart(none)));
        assertTrue(value(bodyPart(none), ASB, "Data").isEmpty(), "AllOrNone: no Data for a part larger than TruncationSize");
        assertEquals(whole.length, estimated(bodyPart(none)));
    }

    /** 12.1 has no BodyPart: BodyPartPreference is not read, and a phone that sends only it gets its plain text. */
    @Test
    void a121PhoneGetsNoBodyPart() throws Exception {
        MailView inbox = inbox("part-121", "12.1", filterType("0"), bodyPreference(2, null), bodyPartPreference(160L, false));
        for (Element data : inbox.items.values()) {
            assertTrue(!has(data, "BodyPart"), "no BodyPart at 12.1: " + data);
            assertEquals("2", value(body(data), ASB, "Type").orElseThrow());
        }
        MailView only = inbox("part-only-121", "12.1", filterType("0"), bodyPartPreference(160L, false));
        Element reply = body(only.bySubject(REPLY));
        assertEquals("1", value(reply, ASB, "Type").orElseThrow(), "the whole plain text, as without any body option");
        assertTrue(new String(assertWhole(reply, "plain text"), StandardCharsets.UTF_8).contains(QUOTED));
    }
}
