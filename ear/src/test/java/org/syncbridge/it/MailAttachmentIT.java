package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.syncbridge.it.MailView.ASB;
import static org.syncbridge.it.MailView.IO;
import static org.syncbridge.it.MailView.bodyPreference;
import static org.syncbridge.it.MailView.child;
import static org.syncbridge.it.MailView.filterType;
import static org.syncbridge.it.MailView.itemData;
import static org.syncbridge.it.MailView.options;
import static org.syncbridge.it.MailView.value;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * Attachments whose names are not ASCII, in both forms mail clients write them (RFC 2231 with continuations as
 * Thunderbird does, RFC 2047 encoded words as Outlook does), are listed with their decoded names and sizes and
 * fetched with ItemOperations by FileReference, whole and by byte Range, byte for byte.
 */
@Tag("mail")
class MailAttachmentIT extends ServerIT {
    static final String CONTEXT = "mailattach.test";
    static final String LOGIN = "attach@" + CONTEXT;
    static final String PASSWORD = "Mail-attach-pw-1";

    /** A fixture mail, its subject, and the name its attachment has. */
    record Attached(String fixture, String subject, String fileName, String contentType) {
    }

    static final List<Attached> MAILS = List.of(
            new Attached("attachment-rfc2231.eml", "Angebot mit Anhang (RFC 2231)", "Grüße aus 東京 – Angebot.pdf", "application/pdf"),
            new Attached("attachment-rfc2047.eml", "ファイル送付 (RFC 2047)", "Übersicht 日本語 äöü.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    @BeforeEach
    void mailsExist() throws Exception {
        usersExist(CONTEXT, "", PASSWORD, "attach");
        synchronized (MailAttachmentIT.class) {
            if (TestMail.subjects(LOGIN, "INBOX").isEmpty()) {
                for (Attached a : MAILS) {
                    TestMail.deliver(LOGIN, TestMail.fixture(a.fixture()));
                }
            }
        }
    }

    /** The attachment's decoded content, as the fixture holds it. */
    static byte[] content(String fixture) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(TestMail.fixture(fixture)));
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment in " + fixture);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.1", "14.1", "16.1"})
    void attachmentsWithNonAsciiNamesAreFetchedWholeAndByRangeByteForByte(String version) throws Exception {
        EasClient phone = phone(LOGIN, PASSWORD, "attach-" + version.replace(".", ""), "Android", version);
        MailView inbox = new MailView(phone, MailView.folder(phone, "Inbox"), options(filterType("0"), bodyPreference(1, 500L))).start();
        inbox.syncUntilDone(25, 2);
        for (Attached a : MAILS) {
            byte[] expected = content(a.fixture());
            List<Element> attachments = child(inbox.bySubject(a.subject()), ASB, "Attachments").children();
            assertEquals(1, attachments.size(), a.fixture() + ": " + attachments);
            Element attachment = attachments.get(0);
            assertEquals(a.fileName(), value(attachment, ASB, "DisplayName").orElseThrow(), a.fixture() + ": the decoded name");
            assertEquals("1", value(attachment, ASB, "Method").orElseThrow(), "a normal attachment");
            long estimated = Long.parseLong(value(attachment, ASB, "EstimatedDataSize").orElseThrow());
            assertEquals(expected.length, estimated, 0.05 * expected.length, a.fixture() + ": EstimatedDataSize near the decoded size");
            String reference = value(attachment, ASB, "FileReference").orElseThrow();

            Element whole = MailView.fetchAttachment(phone, reference, null);
            assertEquals("1", value(whole, IO, "Status").orElseThrow(), a.fixture() + ": " + whole);
            assertEquals(reference, value(whole, ASB, "FileReference").orElse(reference), "the reference, where echoed");
            Element properties = child(whole, IO, "Properties");
            assertEquals(a.contentType(), value(properties, ASB, "ContentType").orElseThrow());
            assertArrayEquals(expected, itemData(properties), a.fixture() + ": the whole attachment");

            for (String range : new String[] {"0-99", "10000-14095"}) {
                Element part = child(MailView.fetchAttachment(phone, reference, range), IO, "Properties");
                assertEquals(range, value(part, IO, "Range").orElseThrow(), a.fixture() + ": the range sent");
                assertEquals(String.valueOf(expected.length), value(part, IO, "Total").orElseThrow(), "Total: the whole size");
                int from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                int to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
                assertArrayEquals(Arrays.copyOfRange(expected, from, to + 1), itemData(part), a.fixture() + ": bytes " + range);
            }
        }
        Element unknown = MailView.fetchAttachment(phone, "no-such-attachment", null);
        assertEquals("15", value(unknown, IO, "Status").orElseThrow(), "an attachment that is not there (MS-ASCMD 2.2.3.177.8: 15)");
    }
}
