package org.syncbridge.mail.message;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.mail.message.TestMails.*;

/**
 * The reader on Angus IMAP messages from a real IMAP server (GreenMail): the same properties as from the parsed
 * bytes, parts fetched by section, and the whole message never fetched for a text body.
 */
class MailImapTest {
    private static final List<String> FIXTURES = List.of("attachments.eml", "inline-image.eml", "forwarded.eml",
            "signed.eml", "invitation.eml", "dsn.eml", "html.eml", "plain.eml");

    /** a FETCH of the whole message: BODY[], BODY.PEEK[] or RFC822 */
    private static final Pattern WHOLE = Pattern.compile("(?s).*(BODY(\\.PEEK)?\\[\\][ <)]|RFC822[ )]).*");

    private GreenMail server;
    private Store store;
    private Folder inbox;
    private final ByteArrayOutputStream protocol = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        var user = server.setUser("ann@example.com", "ann@example.com", "pw");
        for (String fixture : FIXTURES) {
            user.deliver(load(fixture));
        }
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        session.setDebug(true);
        session.setDebugOut(new PrintStream(protocol, true, StandardCharsets.UTF_8));
        store = session.getStore("imap");
        store.connect("ann@example.com", "pw");
        inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
    }

    @AfterEach
    void stop() throws Exception {
        inbox.close();
        store.close();
        server.stop();
    }

    private MimeMessage imap(String fixture) throws Exception {
        return (MimeMessage) inbox.getMessage(FIXTURES.indexOf(fixture) + 1);
    }

    private static Map<String, Object> read(MimeMessage m, byte[] bytes, BodyRequest request) throws Exception {
        return reader().read(m, facts(bytes, new Flags()), RawSource.of(m), request, PREFIX, List.of("ann@example.com"));
    }

    private String sent() {
        String s = protocol.toString(StandardCharsets.UTF_8);
        protocol.reset();
        return s;
    }

    @Test
    void theSamePropertiesAsFromTheBytesAndOnlyPartsAreFetched() throws Exception {
        BodyRequest request = wishes(MimeSupport.NEVER, new BodyWish(BodyType.HTML, 64, false, 40));
        for (String fixture : FIXTURES) {
            byte[] bytes = TestMails.bytes(fixture);
            Map<String, Object> expected = read(message(bytes), bytes, request);
            sent();
            Map<String, Object> actual = read(imap(fixture), bytes, request);
            String commands = sent();
            assertEquals(expected.keySet(), actual.keySet(), fixture);
            for (String key : expected.keySet()) {
                Object e = expected.get(key), a = actual.get(key);
                if (e instanceof byte[] eb) {
                    assertArrayEquals(eb, (byte[]) a, fixture + " " + key);
                } else if (e instanceof ChosenBody eb) {
                    ChosenBody ab = (ChosenBody) a;
                    assertEquals(eb.type(), ab.type(), fixture);
                    assertTrue(ab.truncated(), fixture + ": every body is longer than 64 bytes");
                    assertArrayEquals(eb.data(), ab.data(), fixture);
                    // GreenMail serves a part without its last line end: the whole size may be a few bytes less
                    assertTrue(eb.estimatedSize() - ab.estimatedSize() <= 2 * "<br>\n".length()
                            && eb.estimatedSize() >= ab.estimatedSize(), fixture);
                    assertEquals(eb.preview(), ab.preview(), fixture);
                } else if (e instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof MailAttachment) {
                    List<?> al = (List<?>) a;
                    assertEquals(list.size(), al.size(), fixture);
                    for (int i = 0; i < list.size(); i++) {
                        MailAttachment x = (MailAttachment) list.get(i), y = (MailAttachment) al.get(i);
                        assertEquals(x.fileReference(), y.fileReference(), fixture);
                        assertEquals(x.displayName(), y.displayName(), fixture);
                        assertEquals(x.method(), y.method(), fixture);
                        assertEquals(x.contentId(), y.contentId(), fixture);
                        assertEquals(x.inline(), y.inline(), fixture);
                        assertEquals(x.contentType(), y.contentType(), fixture);
                        // not estimatedSize: GreenMail's BODYSTRUCTURE counts a part's headers into its size
                    }
                } else {
                    assertEquals(e, a, fixture + " " + key);
                }
            }
            assertFalse(WHOLE.matcher(commands).matches(), fixture + " fetched whole:\n" + commands);
        }
    }

    @Test
    void attachmentsAreFetchedBySectionWithRanges() throws Exception {
        byte[] bytes = TestMails.bytes("attachments.eml");
        byte[] pdf = AttachmentContent.find(message(bytes), "4").open().readAllBytes();
        sent();
        AttachmentContent a = AttachmentContent.find(imap("attachments.eml"), "4");
        assertEquals(NAME, a.displayName());
        assertArrayEquals(java.util.Arrays.copyOfRange(pdf, 7, 107), a.open(7, 100).readAllBytes());
        assertTrue(sent().contains("BODY[4]"), "fetched by its section");
        // (a part inside an attached message, "2.2", is asked for as BODY[2.2], which GreenMail fails to serve)
        assertEquals("message/rfc822", AttachmentContent.find(imap("forwarded.eml"), "2").contentType());
    }

    @Test
    void mimeIsTheServersOriginalBytes() throws Exception {
        byte[] bytes = TestMails.bytes("signed.eml");
        MimeMessage m = imap("signed.eml");
        sent();
        ChosenBody body = body(read(m, bytes, wishes(MimeSupport.SMIME_ONLY, BodyWish.PLAIN_WHOLE)));
        assertEquals(BodyType.MIME, body.type());
        assertArrayEquals(bytes, body.data());
        assertTrue(WHOLE.matcher(sent()).matches());
    }
}
