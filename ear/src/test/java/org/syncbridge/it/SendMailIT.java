package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;
import static org.syncbridge.it.MailView.E;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.options;
import static org.syncbridge.it.MailView.value;

import jakarta.mail.Flags;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Mail sent from phones (SendMail, SmartReply, SmartForward) at 12.1 (the raw MIME body, plain and base64 query)
 * and at 14.1 and 16.1 (ComposeMail WBXML): it reaches the other user with its MIME parts byte for byte and lands
 * once in Sent; repeats are not delivered again; replies quote the original inside the HTML; forwards carry the
 * attachments; the originals carry \Answered and $Forwarded, which a 14.1 Sync shows as LastVerbExecuted. Read back
 * over IMAP, as another mail client would, on GreenMail and on Dovecot.
 */
@Tag("mail")
class SendMailIT extends ServerIT {
    static final String CONTEXT = "sendmail.test";
    static final String PASSWORD = "Send-mail-pw-1";
    static final String CM = "ComposeMail:";
    static final String E2 = "Email2:";
    static final List<String> VERSIONS = List.of("12.1", "14.1", "16.1");
    /** Keeps ClientIds, UIDs and subjects of this run apart from those of an earlier run against the same database. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    @BeforeEach
    void usersExist() {
        usersExist(CONTEXT, "", PASSWORD, "mia", "bob", "carol", "org", "att");
    }

    static String login(String user) {
        return user + "@" + CONTEXT;
    }

    static EasClient device(String user, String version) {
        return phone(login(user), PASSWORD, user + "-" + version.replace(".", "") + "-" + RUN, "iPhone", version);
    }

    // --- the messages the phones write ---

    /** A message with a text part and a binary attachment, as a phone writes one; Bcc to carol. */
    static byte[] withAttachment(String subject, byte[] attachment) {
        String pdf = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(attachment);
        return crlf("""
                From: Mia <mia@sendmail.test>
                To: Bob <bob@sendmail.test>
                Bcc: carol@sendmail.test
                Subject: %s
                Date: Mon, 17 Nov 2025 10:00:00 +0100
                Message-ID: <%s@sendmail.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="Apple-Mail-1F2E3D4C"

                --Apple-Mail-1F2E3D4C
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Anbei die =C3=9Cbersicht.
                --Apple-Mail-1F2E3D4C
                Content-Type: application/pdf; name="=?utf-8?Q?=C3=9Cbersicht.pdf?="
                Content-Disposition: attachment; filename*=utf-8''%%C3%%9Cbersicht.pdf
                Content-Transfer-Encoding: base64

                %s
                --Apple-Mail-1F2E3D4C--
                """.formatted(subject, subject.replace(' ', '.'), pdf));
    }

    static byte[] reply(String to, String subject, String text) {
        return crlf("""
                From: Mia <mia@sendmail.test>
                To: %s
                Subject: %s
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="Apple-Mail-alt"

                --Apple-Mail-alt
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                %s
                --Apple-Mail-alt
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                <html><head><meta http-equiv=3D"content-type" content=3D"text/html; charset=3Dutf-8"></head><body dir=3D"auto"><div>%s</div></body></html>
                --Apple-Mail-alt--
                """.formatted(to, subject, text, text));
    }

    static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A fixture mail with another Subject, so each version has its own original. */
    static byte[] fixture(String name, String subject) {
        String mail = new String(TestMail.fixture(name), StandardCharsets.ISO_8859_1);
        return mail.replaceFirst("(?m)^Subject: .*(\r\n[ \t].*)*\r\n", "Subject: " + subject + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    // --- sending as a phone of each version does ---

    /** SendMail: 12.1 posts the raw MIME with SaveInSent=T, 14.0+ the ComposeMail WBXML with SaveInSentItems. */
    static EasClient.Answer sendMail(EasClient phone, byte[] mime, String clientId) {
        if (phone.version.equals("12.1")) {
            return phone.postMime("SendMail", "SaveInSent=T", mime);
        }
        return phone.post("SendMail", el(CM, "SendMail", text(CM, "ClientId", clientId), EasClient.empty(CM, "SaveInSentItems"),
                Element.opaque(org.syncbridge.web.eas.wbxml.Tag.of(CM, "Mime"), mime)));
    }

    /** SmartReply or SmartForward of the mail {@code itemId} in {@code folderId}, without ReplaceMime. */
    static EasClient.Answer smart(EasClient phone, String command, String folderId, String itemId, byte[] mime) {
        if (phone.version.equals("12.1")) {
            return phone.postMime(command, "ItemId=" + itemId + "&CollectionId=" + folderId + "&SaveInSent=T", mime);
        }
        return phone.post(command, el(CM, command, text(CM, "ClientId", command + "-" + itemId + "-" + RUN), EasClient.empty(CM, "SaveInSentItems"),
                el(CM, "Source", text(CM, "FolderId", folderId), text(CM, "ItemId", itemId)),
                Element.opaque(org.syncbridge.web.eas.wbxml.Tag.of(CM, "Mime"), mime)));
    }

    /** The 12.1 base64 query (MS-ASHTTP 2.2.1.1.1.1) of a SmartForward: CollectionId, ItemId, Options SaveInSent. */
    static URI base64SmartForward(EasClient phone, String folderId, String itemId) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(121);
        b.write(2); // SmartForward
        b.write(0x07);
        b.write(0x04);
        field(b, phone.deviceId);
        b.write(4);
        long key = Long.parseLong(phone.policyKey);
        for (int i = 0; i < 4; i++) {
            b.write((int) (key >>> (8 * i)) & 0xff);
        }
        field(b, phone.deviceType);
        b.write(1);
        field(b, folderId);
        b.write(3);
        field(b, itemId);
        b.write(7);
        b.write(1);
        b.write(0x01); // SaveInSent
        b.write(8);
        field(b, phone.login);
        return URI.create(phone.endpoint + "?" + Base64.getEncoder().encodeToString(b.toByteArray()));
    }

    private static void field(ByteArrayOutputStream b, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        b.write(v.length);
        b.writeBytes(v);
    }

    static void assertSent(EasClient.Answer answer, String what) {
        assertEquals(200, answer.status(), what);
        assertEquals(0, answer.http().body().length, what + ": success is an empty 200");
    }

    /** The 14.0+ refusal: the command's element with its Status. */
    static String status(EasClient.Answer answer, String command) {
        assertEquals(200, answer.status());
        return answer.text(CM, "Status");
    }

    // --- reading what arrived, over IMAP ---

    static String sentFolder(String user) throws Exception {
        return TestMail.mailboxes(login(user)).stream().filter(n -> n.replaceAll(".*[./]", "").equalsIgnoreCase("Sent")).findFirst()
                .orElseThrow(() -> new AssertionError("no Sent folder of " + user + " on " + TestMail.imapServer()));
    }

    static long count(String user, String folder, String subject) throws Exception {
        return TestMail.subjects(login(user), folder).values().stream().filter(subject::equals).count();
    }

    /** The leaves of a message as byte ranges of it (header fields and content), found by the boundaries. */
    static List<byte[]> leaves(byte[] mime) {
        List<byte[]> found = new ArrayList<>();
        collect(new String(mime, StandardCharsets.ISO_8859_1), found);
        return found;
    }

    private static final Pattern BOUNDARY = Pattern.compile("(?is)^content-type:\\s*multipart/[^\r\n]*(?:\r\n[ \t][^\r\n]*)*?boundary=\"?([^\";\r\n]+)\"?", Pattern.MULTILINE);

    private static void collect(String entity, List<byte[]> found) {
        int headerEnd = entity.indexOf("\r\n\r\n");
        String header = headerEnd < 0 ? entity : entity.substring(0, headerEnd + 2);
        Matcher m = BOUNDARY.matcher(header);
        if (!m.find()) {
            found.add(entity.getBytes(StandardCharsets.ISO_8859_1));
            return;
        }
        String delimiter = "\r\n--" + m.group(1);
        String body = "\r\n" + entity.substring(headerEnd + 4);
        int at = body.indexOf(delimiter);
        while (at >= 0) {
            int partStart = body.indexOf("\r\n", at + delimiter.length()) + 2;
            if (body.startsWith("--", at + delimiter.length())) {
                return;
            }
            int next = body.indexOf(delimiter, partStart);
            collect(body.substring(partStart, next < 0 ? body.length() : next), found);
            at = next;
        }
    }

    static MimeMessage parsed(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** The first part of this type, decoded, as a mail program shows it. */
    static String textOf(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = textOf(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static boolean hasBcc(byte[] raw) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        return s.substring(0, s.indexOf("\r\n\r\n") + 2).toLowerCase(java.util.Locale.ROOT).matches("(?s)(.*\r\n)?bcc:.*");
    }

    // --- the tests ---

    @Test
    void aMailWithAnAttachmentReachesTheOtherUserByteForByteAndLandsOnceInSent() throws Exception {
        for (String version : VERSIONS) {
            String subject = "Attachment " + version + " " + RUN;
            byte[] mime = withAttachment(subject, bytes(30_000, version.hashCode()));
            EasClient mia = device("mia", version);
            assertSent(sendMail(mia, mime, "att-" + version + "-" + RUN), "SendMail at " + version);

            byte[] received = TestMail.raw(login("bob"), "INBOX", subject);
            List<byte[]> sentLeaves = leaves(mime);
            List<byte[]> receivedLeaves = leaves(received);
            assertEquals(2, sentLeaves.size());
            assertEquals(sentLeaves.size(), receivedLeaves.size(), "the parts bob got at " + version);
            for (int i = 0; i < sentLeaves.size(); i++) {
                assertArrayEquals(sentLeaves.get(i), receivedLeaves.get(i), "part " + (i + 1) + " byte for byte at " + version);
            }
            assertFalse(hasBcc(received), "Bcc is not in what bob got");
            assertEquals(1, count("carol", "INBOX", subject), "the Bcc recipient got it at " + version);
            assertFalse(hasBcc(TestMail.raw(login("carol"), "INBOX", subject)), "nor in what carol got");

            String sent = sentFolder("mia");
            assertEquals(1, count("mia", sent, subject), "once in Sent at " + version);
            byte[] copy = TestMail.raw(login("mia"), sent, subject);
            assertTrue(TestMail.flags(login("mia"), sent, subject).contains(Flags.Flag.SEEN), "the copy in Sent is \\Seen");
            assertFalse(hasBcc(copy));
            List<byte[]> copyLeaves = leaves(copy);
            for (int i = 0; i < sentLeaves.size(); i++) {
                assertArrayEquals(sentLeaves.get(i), copyLeaves.get(i), "Sent holds what was submitted at " + version);
            }
        }
    }

    @Test
    void theSameClientIdThreeTimesIsDeliveredOnce() throws Exception {
        for (String version : List.of("14.1", "16.1")) {
            String subject = "Three times " + version + " " + RUN;
            EasClient mia = device("mia", version);
            byte[] mime = crlf("From: mia@sendmail.test\nTo: bob@sendmail.test\nSubject: " + subject + "\n\nNur einmal, bitte.\n");
            for (int i = 0; i < 3; i++) {
                assertSent(sendMail(mia, mime, "thrice-" + version + "-" + RUN), "attempt " + (i + 1) + " at " + version);
            }
            assertEquals(1, count("bob", "INBOX", subject), "delivered once at " + version);
            assertEquals(1, count("mia", sentFolder("mia"), subject), "once in Sent at " + version);
        }
    }

    @Test
    void smartReplyQuotesTheHtmlMailInsideTheHtmlAndTheOriginalIsAnswered() throws Exception {
        for (String version : VERSIONS) {
            String subject = "Reply source " + version + " " + RUN;
            TestMail.deliver(login("mia"), fixture("html.eml", subject));
            EasClient mia = device("mia", version);
            MailView inbox = new MailView(mia, MailView.folder(mia, "Inbox"), options(filterType("0"), bodyPreference(1, 200L))).start();
            inbox.syncUntilDone(100, 5);
            String original = inbox.idOf(subject);

            assertSent(smart(mia, "SmartReply", inbox.collectionId, original,
                    reply("anna.schmidt@example.org, bob@sendmail.test", "Re: " + subject, "Gern, bis dann.")), "SmartReply at " + version);

            MimeMessage got = parsed(TestMail.raw(login("bob"), "INBOX", "Re: " + subject));
            String html = textOf(got, "text/html");
            assertTrue(html.indexOf("Gern, bis dann.") < html.indexOf("<blockquote"), html);
            assertTrue(html.lastIndexOf("</blockquote>") < html.toLowerCase().lastIndexOf("</body>"), "the quote is inside the body: " + html);
            assertEquals(1, html.split("(?i)</html>", -1).length - 1, "one HTML document, nothing after it");
            String shown = Jsoup.parse(html).text();
            assertTrue(shown.contains("Grüße aus München"), "the original's text is quoted: " + shown);
            assertTrue(shown.contains("Anna Schmidt"), "with who wrote it: " + shown);
            String plain = textOf(got, "text/plain");
            assertTrue(plain.startsWith("Gern, bis dann."), plain);
            assertTrue(plain.contains("\n> "), "the plain text quotes too: " + plain);

            assertTrue(TestMail.flags(login("mia"), "INBOX", subject).contains(Flags.Flag.ANSWERED), "the original is \\Answered at " + version);
            if (!version.equals("12.1")) {
                inbox.sync(100);
                assertEquals("1", value(inbox.bySubject(subject), E2, "LastVerbExecuted").orElse("none"),
                        "a Sync at " + version + " shows the reply: " + inbox.bySubject(subject));
            }
        }
    }

    @Test
    void smartForwardCarriesTheAttachmentsAsTheyWereAndTheOriginalIsForwarded() throws Exception {
        for (String version : VERSIONS) {
            String subject = "Forward source " + version + " " + RUN;
            TestMail.deliver(login("mia"), fixture("attachment-rfc2231.eml", subject));
            EasClient mia = device("mia", version);
            MailView inbox = new MailView(mia, MailView.folder(mia, "Inbox"), options(filterType("0"), bodyPreference(1, 200L))).start();
            inbox.syncUntilDone(100, 5);
            String original = inbox.idOf(subject);
            byte[] forward = crlf("From: mia@sendmail.test\nTo: bob@sendmail.test\nSubject: Fwd: " + subject
                    + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nZur Kenntnis.\n");

            EasClient.Answer answer = version.equals("12.1")
                    ? mia.postTo(base64SmartForward(mia, inbox.collectionId, original), forward, false, "message/rfc822")
                    : smart(mia, "SmartForward", inbox.collectionId, original, forward);
            assertSent(answer, "SmartForward at " + version);

            List<byte[]> originalLeaves = leaves(TestMail.raw(login("mia"), "INBOX", subject));
            byte[] received = TestMail.raw(login("bob"), "INBOX", "Fwd: " + subject);
            List<byte[]> receivedLeaves = leaves(received);
            assertEquals(originalLeaves.size(), receivedLeaves.size(), "the phone's text and every attachment");
            for (int i = 1; i < originalLeaves.size(); i++) {
                assertArrayEquals(originalLeaves.get(i), receivedLeaves.get(i), "attachment " + i + " byte for byte at " + version);
            }
            String text = textOf(parsed(received), "text/plain");
            assertTrue(text.startsWith("Zur Kenntnis."), text);
            assertTrue(text.contains("Forwarded message"), text);
            assertEquals(1, count("mia", sentFolder("mia"), "Fwd: " + subject), "in Sent at " + version + " (SaveInSent in the base64 query's Options)");

            assertTrue(TestMail.flags(login("mia"), "INBOX", subject).contains("$Forwarded"), "the original is $Forwarded at " + version);
            if (!version.equals("12.1")) {
                inbox.sync(100);
                assertEquals("3", value(inbox.bySubject(subject), E2, "LastVerbExecuted").orElse("none"),
                        "a Sync at " + version + " shows the forward");
            }
        }
    }

    @Test
    void aForgedFromIsRefused() throws Exception {
        for (String version : VERSIONS) {
            String subject = "Forged " + version + " " + RUN;
            EasClient mia = device("mia", version);
            byte[] forged = crlf("From: Bob <bob@sendmail.test>\nTo: carol@sendmail.test\nSubject: " + subject + "\n\nIch bin Bob.\n");
            EasClient.Answer answer = sendMail(mia, forged, "forged-" + version + "-" + RUN);
            if (version.equals("12.1")) {
                assertEquals(400, answer.status(), "12.1: the message is refused");
            } else {
                assertEquals("130", status(answer, "SendMail"), "AccessDenied at " + version);
            }
            assertEquals(0, count("carol", "INBOX", subject));
        }
        // a real message as Exchange delivered it to an iPhone (the captures), sent on by mia: not hers to send
        Path capture = Path.of(System.getProperty("eas.captures"), "ios6-exchange-receive200Emails", "031-Sync-response.xml");
        String xml = Files.readString(capture);
        String captured = org.jsoup.parser.Parser.unescapeEntities(xml.substring(xml.indexOf("<Data>") + 6, xml.indexOf("</Data>")), false);
        assertTrue(captured.contains("From: root <root@thilaireOBM01.thilaire.lng.org>"));
        EasClient.Answer answer = sendMail(device("mia", "14.1"), crlf(captured), "captured-" + RUN);
        assertEquals("130", status(answer, "SendMail"));
    }

    @Test
    void oneInvitationSentTwentyTimesReachesTheAttendeeOnce() throws Exception {
        EasClient organizer = device("org", "14.1");
        String subject = "Planung " + RUN;
        for (int i = 0; i < 20; i++) {
            byte[] invitation = crlf("""
                    From: org@sendmail.test
                    To: att@sendmail.test
                    Subject: %s
                    MIME-Version: 1.0
                    Content-Type: text/calendar; charset=utf-8; method=REQUEST

                    BEGIN:VCALENDAR
                    METHOD:REQUEST
                    PRODID:-//Apple Inc.//iPhone OS 17.1//EN
                    VERSION:2.0
                    BEGIN:VEVENT
                    UID:%s
                    DTSTAMP:20251117T10%02d00Z
                    DTSTART:20251120T090000Z
                    DTEND:20251120T100000Z
                    SEQUENCE:0
                    ORGANIZER:mailto:org@sendmail.test
                    ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:att@sendmail.test
                    SUMMARY:Planung
                    END:VEVENT
                    END:VCALENDAR
                    """.formatted(subject, "inv-" + RUN, i));
            assertSent(sendMail(organizer, invitation, "inv-" + i + "-" + RUN), "sending " + (i + 1) + " of 20");
        }
        assertEquals(1, count("att", "INBOX", subject), "the attendee got it once");
    }

    /** The same as an independent encoder writes it: libwbxml names the element MIME and turns its base64 text into opaque data. */
    @Test
    void aSendMailEncodedByLibwbxmlIsSentAsWell() throws Exception {
        String subject = "Encoded by libwbxml " + RUN;
        byte[] mime = crlf("From: mia@sendmail.test\nTo: bob@sendmail.test\nSubject: " + subject
                + "\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nGrüße\n");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE ActiveSync PUBLIC \"-//MICROSOFT//DTD ActiveSync//EN\" \"http://www.microsoft.com/\">\n"
                + "<SendMail xmlns=\"ComposeMail:\"><ClientId>libwbxml-" + RUN + "</ClientId><SaveInSentItems/><MIME>"
                + Base64.getEncoder().encodeToString(mime) + "</MIME></SendMail>";
        EasClient mia = device("mia", "14.1");
        assertSent(mia.post("SendMail", LibwbxmlClientIT.xml2wbxml(xml, false)), "SendMail from libwbxml");
        byte[] received = TestMail.raw(login("bob"), "INBOX", subject);
        String s = new String(received, StandardCharsets.UTF_8);
        assertTrue(s.endsWith("\r\n\r\nGrüße\r\n") || s.endsWith("\r\n\r\nGrüße"), s);
    }

    @Test
    void badInputGetsTheSpecsStatusNeverAServerError() throws Exception {
        EasClient legacy = device("mia", "12.1");
        assertEquals(400, legacy.postMime("SendMail", "", "not a mail at all".getBytes(StandardCharsets.US_ASCII)).status(), "12.1: no MIME");
        assertEquals(400, legacy.postMime("SmartReply", "ItemId=987654&CollectionId=1", reply("bob@sendmail.test", "Re: x", "x")).status(),
                "12.1: no such original");
        EasClient mia = device("mia", "14.1");
        assertEquals("107", status(sendMail(mia, "not a mail at all".getBytes(StandardCharsets.US_ASCII), "bad-1-" + RUN), "SendMail"));
        assertEquals("119", status(sendMail(mia, crlf("From: mia@sendmail.test\nSubject: to nobody\n\nx\n"), "bad-2-" + RUN), "SendMail"));
        String inbox = MailView.folder(mia, "Inbox");
        assertEquals("150", status(smart(mia, "SmartReply", inbox, "987654", reply("bob@sendmail.test", "Re: x", "x")), "SmartReply"));
        assertEquals("166", status(mia.post("SendMail", el(CM, "SendMail", text(CM, "ClientId", "bad-3-" + RUN), text(CM, "AccountId", "2"),
                Element.opaque(org.syncbridge.web.eas.wbxml.Tag.of(CM, "Mime"), crlf("To: bob@sendmail.test\n\nx\n")))), "SendMail"));
        assertEquals(400, mia.post("SendMail", el(CM, "SendMail", text(CM, "ClientId", "bad-4-" + RUN))).status(), "no Mime");
        Map<Long, String> bobs = TestMail.subjects(login("bob"), "INBOX");
        assertFalse(bobs.containsValue("Re: x") || bobs.containsValue("to nobody"), "nothing of it went out: " + bobs);
    }
}
