package org.syncbridge.mail.message;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.syncbridge.mail.message.TestMails.*;

class BodyChoiceTest {
    /** 1-, 2-, 3- and 4-byte characters in UTF-8: 10 bytes */
    private static final String MIXED = "aé東😀";

    private static BodyWish plain(long truncation, boolean allOrNone) {
        return new BodyWish(BodyType.PLAIN, truncation, allOrNone, 0);
    }

    private static BodyWish html(long truncation, boolean allOrNone) {
        return new BodyWish(BodyType.HTML, truncation, allOrNone, 0);
    }

    private static byte[] utf8Mail(String body) {
        return concat(crlf("Subject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n\n"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A source that must not be read: the body does not go as MIME. */
    private static final RawSource UNREAD = max -> fail("the original bytes were read");

    private static ChosenBody choose(byte[] mail, BodyRequest request) throws Exception {
        return body(TestMails.read(reader(), mail, request));
    }

    @Test
    void truncationNeverSplitsACharacterAndCountsTheWholeBody() throws Exception {
        byte[] mail = utf8Mail(MIXED);
        byte[] whole = MIXED.getBytes(StandardCharsets.UTF_8);
        for (int size = 0; size <= whole.length + 1; size++) {
            ChosenBody body = choose(mail, wishes(MimeSupport.NEVER, plain(size, false)));
            String expected = "";
            for (int end = 0; end < MIXED.length(); ) {
                end = MIXED.offsetByCodePoints(end, 1);
                if (MIXED.substring(0, end).getBytes(StandardCharsets.UTF_8).length > size) {
                    break;
                }
                expected = MIXED.substring(0, end);
            }
            assertEquals(expected, text(body), "TruncationSize " + size);
            assertEquals(whole.length, body.estimatedSize());
            assertEquals(size < whole.length, body.truncated(), "TruncationSize " + size);
        }
    }

    @Test
    void textIsSentAsUtf8WhateverItsCharset() throws Exception {
        ChosenBody body = choose(bytes("plain.eml"), wishes(MimeSupport.NEVER, plain(-1, false)));
        assertTrue(text(body).contains("Grüße aus Köln: Straße, Maß, Öl."));
        ChosenBody html = choose(bytes("html.eml"), wishes(MimeSupport.NEVER, html(-1, false)));
        String page = text(html);
        assertTrue(page.contains("Café News") && page.contains("€5"), page);
        assertTrue(page.contains("charset=utf-8\">"), "the meta tag now says what the bytes are: " + page);
        assertFalse(page.contains("windows-1252"));
    }

    @Test
    void estimatedSizeOfEveryFormIsExactWhenCut() throws Exception {
        for (String fixture : List.of("plain.eml", "html.eml", "alternative.eml")) {
            byte[] mail = bytes(fixture);
            for (BodyType type : List.of(BodyType.PLAIN, BodyType.HTML)) {
                ChosenBody whole = choose(mail, wishes(MimeSupport.NEVER, new BodyWish(type, -1, false, 0)));
                ChosenBody cut = choose(mail, wishes(MimeSupport.NEVER, new BodyWish(type, 16, false, 0)));
                assertEquals(whole.data().length, whole.estimatedSize(), fixture + " " + type);
                assertEquals(whole.estimatedSize(), cut.estimatedSize(), fixture + " " + type);
                assertTrue(cut.truncated());
                assertArrayEquals(Arrays.copyOf(whole.data(), cut.data().length), cut.data());
                assertTrue(cut.data().length <= 16 && cut.data().length >= 13, fixture + " " + type);
            }
        }
    }

    @Test
    void plainTextFromHtmlAndHtmlFromPlainText() throws Exception {
        ChosenBody text = choose(bytes("html.eml"), wishes(MimeSupport.NEVER, plain(-1, false)));
        assertTrue(text(text).startsWith("Café News\n\nFirst paragraph with a line break inside."), text(text));
        assertFalse(text(text).contains("not text") || text(text).contains("Newsletter title") || text(text).contains("color"));
        byte[] markup = utf8Mail("1 < 2 & \"3\" > 0\r\nnext <b>line</b>\r\n");
        String page = text(choose(markup, wishes(MimeSupport.NEVER, html(-1, false))));
        assertTrue(page.contains("1 &lt; 2 &amp; &quot;3&quot; &gt; 0<br>\nnext &lt;b&gt;line&lt;/b&gt;<br>\n"), page);
        assertTrue(page.startsWith("<html>") && page.endsWith("</html>"), page);
    }

    @Test
    void alternativeGivesEachClientItsOwnPart() throws Exception {
        byte[] mail = bytes("alternative.eml");
        assertEquals("Plain version: 東京 and Ünïcödé.\n", text(choose(mail, wishes(MimeSupport.NEVER, plain(-1, false)))));
        assertEquals("<html><body><p>HTML version: <b>東京</b> and Ünïcödé.</p></body></html>\r\n",
                text(choose(mail, wishes(MimeSupport.NEVER, html(-1, false)))));
    }

    @Test
    void allOrNoneFallsBackToTheNextWishAndLastlyToNoData() throws Exception {
        byte[] mail = bytes("alternative.eml");
        ChosenBody next = choose(mail, wishes(MimeSupport.NEVER, html(10, true), plain(1000, true)));
        assertEquals(BodyType.PLAIN, next.type());
        assertFalse(next.truncated());
        assertEquals("Plain version: 東京 and Ünïcödé.\n", text(next));

        ChosenBody none = choose(mail, wishes(MimeSupport.NEVER, html(10, true), plain(10, true)));
        assertEquals(BodyType.PLAIN, none.type());
        assertTrue(none.truncated());
        assertNull(none.data());
        assertEquals("Plain version: 東京 and Ünïcödé.\n".getBytes(StandardCharsets.UTF_8).length, none.estimatedSize());

        ChosenBody fits = choose(mail, wishes(MimeSupport.NEVER, html(1000, true), plain(10, true)));
        assertEquals(BodyType.HTML, fits.type());
        assertFalse(fits.truncated());
    }

    @Test
    void rtfIsSkippedAndNoWishMeansWholePlainText() throws Exception {
        byte[] mail = bytes("alternative.eml");
        assertEquals(BodyType.HTML, choose(mail, wishes(MimeSupport.NEVER, new BodyWish(BodyType.RTF, -1, false, 0),
                html(-1, false))).type());
        ChosenBody none = choose(mail, new BodyRequest(List.of(), MimeSupport.NEVER, List.of()));
        assertEquals(BodyType.PLAIN, none.type());
        assertFalse(none.truncated());
    }

    @Test
    void mimeOnlyWhereMimeSupportAllowsIt() {
        BodyWish mime = new BodyWish(BodyType.MIME, 500, false, 0);
        BodyWish h = html(200, false);
        assertEquals(List.of(h), BodyChooser.order(wishes(MimeSupport.NEVER, mime, h), false));
        assertEquals(List.of(h), BodyChooser.order(wishes(MimeSupport.NEVER, mime, h), true));
        assertEquals(List.of(h), BodyChooser.order(wishes(MimeSupport.SMIME_ONLY, mime, h), false));
        assertEquals(List.of(mime, h), BodyChooser.order(wishes(MimeSupport.SMIME_ONLY, h, mime), true));
        assertEquals(List.of(mime, h), BodyChooser.order(wishes(MimeSupport.ALWAYS, h, mime), false));
        assertEquals(List.of(h), BodyChooser.order(wishes(MimeSupport.ALWAYS, h), false));
        // S/MIME goes as MIME even to a client that named no MIME wish, whole
        assertEquals(List.of(new BodyWish(BodyType.MIME, -1, false, 0), h), BodyChooser.order(wishes(MimeSupport.SMIME_ONLY, h), true));
        // a client whose only wish was dropped gets plain text of that size
        assertEquals(List.of(new BodyWish(BodyType.PLAIN, 500, false, 0)), BodyChooser.order(wishes(MimeSupport.NEVER, mime), false));
    }

    @Test
    void mimeIsTheOriginalBytesAndOnlyTheFirstOnesAreRead() throws Exception {
        byte[] mail = bytes("plain.eml");
        List<Long> asked = new ArrayList<>();
        RawSource source = max -> {
            asked.add(max);
            return new ByteArrayInputStream(mail);
        };
        BodyRequest cut = wishes(MimeSupport.ALWAYS, html(-1, false), new BodyWish(BodyType.MIME, 100, false, 0));
        ChosenBody body = (ChosenBody) reader().read(message(mail), facts(mail, new jakarta.mail.Flags()), source, cut,
                PREFIX, List.of()).get(EmailProperties.BODY);
        assertEquals(BodyType.MIME, body.type());
        assertArrayEquals(Arrays.copyOf(mail, 100), body.data());
        assertEquals(mail.length, body.estimatedSize());
        assertTrue(body.truncated());
        assertEquals(List.of(100L), asked);

        BodyRequest whole = wishes(MimeSupport.ALWAYS, new BodyWish(BodyType.MIME, -1, false, 0));
        ChosenBody all = (ChosenBody) reader().read(message(mail), facts(mail, new jakarta.mail.Flags()), source, whole,
                PREFIX, List.of()).get(EmailProperties.BODY);
        assertArrayEquals(mail, all.data());
        assertFalse(all.truncated());

        // AllOrNone on a MIME body that is too big: nothing is read, the next wish is taken
        BodyRequest allOrNone = wishes(MimeSupport.ALWAYS, new BodyWish(BodyType.MIME, 100, true, 0), plain(-1, false));
        ChosenBody instead = (ChosenBody) reader().read(message(mail), facts(mail, new jakarta.mail.Flags()), UNREAD,
                allOrNone, PREFIX, List.of()).get(EmailProperties.BODY);
        assertEquals(BodyType.PLAIN, instead.type());
    }

    @Test
    void theOriginalBytesAreNotReadForATextBody() throws Exception {
        byte[] mail = bytes("inline-image.eml");
        Map<String, Object> p = reader().read(message(mail), facts(mail, new jakarta.mail.Flags()), UNREAD,
                wishes(MimeSupport.SMIME_ONLY, html(-1, false), new BodyWish(BodyType.MIME, -1, false, 0)), PREFIX, List.of());
        assertEquals(BodyType.HTML, body(p).type());
    }

    @Test
    void theItemCapCutsEveryFormEvenUnasked() throws Exception {
        String long_ = "Grüße ".repeat(1000);
        byte[] mail = utf8Mail(long_);
        MailReader capped = new MailReader(ical -> Map.of(), 64);
        ChosenBody text = body(TestMails.read(capped, mail, wishes(MimeSupport.NEVER, plain(-1, false))));
        assertTrue(text.truncated());
        assertEquals(long_.getBytes(StandardCharsets.UTF_8).length, text.estimatedSize());
        assertTrue(text.data().length <= 64 && text.data().length >= 62);
        assertEquals(long_.substring(0, text(text).length()), text(text));
        ChosenBody mime = body(TestMails.read(capped, mail, wishes(MimeSupport.ALWAYS, new BodyWish(BodyType.MIME, -1, false, 0))));
        assertEquals(64, mime.data().length);
        assertEquals(mail.length, mime.estimatedSize());
        ChosenBody none = body(TestMails.read(capped, mail, wishes(MimeSupport.NEVER, plain(-1, true))));
        assertNull(none.data());
    }

    @Test
    void previewIsTheStartOfThePlainTextWithWhitespaceCollapsed() throws Exception {
        ChosenBody body = choose(bytes("html.eml"), wishes(MimeSupport.NEVER, new BodyWish(BodyType.HTML, 50, false, 30)));
        assertEquals(BodyType.HTML, body.type());
        assertEquals("Café News First paragraph with", body.preview());
        assertNull(choose(bytes("html.eml"), wishes(MimeSupport.NEVER, html(50, false))).preview());
        ChosenBody plain = choose(bytes("plain.eml"), wishes(MimeSupport.NEVER, new BodyWish(BodyType.PLAIN, -1, false, 1000)));
        assertEquals("Hallo Ann, die Grüße aus Köln: Straße, Maß, Öl. Zweite Zeile mit zwei Leerzeichen. Bob", plain.preview());
    }
}
