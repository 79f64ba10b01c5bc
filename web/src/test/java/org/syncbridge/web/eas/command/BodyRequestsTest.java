package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.web.eas.ProtocolVersion.V12_1;
import static org.syncbridge.web.eas.ProtocolVersion.V14_0;
import static org.syncbridge.web.eas.ProtocolVersion.V14_1;
import static org.syncbridge.web.eas.ProtocolVersion.V16_1;
import static org.syncbridge.web.eas.ProtocolVersion.V2_5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.mail.message.BodyType;
import org.syncbridge.mail.message.BodyWish;
import org.syncbridge.mail.message.MimeSupport;
import org.syncbridge.web.eas.wbxml.Captures;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

class BodyRequestsTest {
    static final Tag OPTIONS = Tag.of("AirSync:", "Options");
    static final Tag BODY_PREFERENCE = Tag.of("AirSyncBase:", "BodyPreference");

    static Element e(String namespace, String name, String text) {
        return Element.text(Tag.of(namespace, name), text);
    }

    static Element e(String namespace, String name, Element... children) {
        return Element.of(Tag.of(namespace, name), children);
    }

    static Element preference(String name, Element... children) {
        return e("AirSyncBase:", name, children);
    }

    static Element base(String name, String text) {
        return e("AirSyncBase:", name, text);
    }

    @Test
    void preferencesKeepTheirOrderAndOddOnesAreSkipped() {
        Element options = e("AirSync:", "Options", e("AirSync:", "FilterType", "3"),
                preference("BodyPreference", base("Type", "2"), base("TruncationSize", "2048"), base("AllOrNone", "1"), base("Preview", "300")),
                preference("BodyPreference", base("Type", "7")),
                preference("BodyPreference", base("Type", "4")),
                preference("BodyPreference", base("Type", "2"), base("TruncationSize", "10")),
                preference("BodyPreference", base("Type", "1"), base("TruncationSize", "4294967295"), base("AllOrNone", "0")),
                preference("BodyPreference", base("Type", "3"), base("AllOrNone", "1")),
                preference("BodyPartPreference", base("Type", "2"), base("TruncationSize", "1000"), base("Preview", "100")),
                e("AirSync:", "MIMESupport", "1"));
        assertEquals(new BodyRequest(List.of(
                        new BodyWish(BodyType.HTML, 2048, true, 255),
                        new BodyWish(BodyType.MIME, -1, false, 0),
                        new BodyWish(BodyType.PLAIN, 4_294_967_295L, false, 0),
                        new BodyWish(BodyType.RTF, -1, false, 0)),
                        MimeSupport.SMIME_ONLY, List.of(new BodyWish(BodyType.HTML, 1000, false, 100))),
                BodyRequests.of(Optional.of(options), V14_1),
                "Type 7 is no body type, a second HTML preference is not allowed, AllOrNone needs a TruncationSize, Preview stops at 255");
    }

    @Test
    void theMessagePartIsAskedForFrom141AndOnlyAsHtml() {
        Element part = preference("BodyPartPreference", base("Type", "2"), base("TruncationSize", "400"), base("AllOrNone", "1"),
                base("Preview", "50"));
        Element options = e("AirSync:", "Options", preference("BodyPreference", base("Type", "1"), base("TruncationSize", "200")), part);
        BodyWish html = new BodyWish(BodyType.HTML, 400, true, 50);
        for (var version : List.of(V14_1, V16_1)) {
            BodyRequest request = BodyRequests.of(Optional.of(options), version);
            assertEquals(List.of(html), request.partWishes(), version.toString());
            assertEquals(List.of(new BodyWish(BodyType.PLAIN, 200, false, 0)), request.wishes(), "the Body is asked for as well");
            assertTrue(request.wantsBody());
        }
        for (var version : List.of(V12_1, V14_0)) {
            assertEquals(List.of(), BodyRequests.of(Optional.of(options), version).partWishes(), "no BodyPart in " + version);
            assertSame(BodyRequest.PLAIN, BodyRequests.of(Optional.of(e("AirSync:", "Options", part)), version),
                    "before 14.1 BodyPartPreference alone says nothing: the whole plain text, as without it");
        }

        BodyRequest alone = BodyRequests.of(Optional.of(e("AirSync:", "Options", part)), V14_1);
        assertEquals(new BodyRequest(List.of(), MimeSupport.NEVER, List.of(html)), alone);
        assertFalse(alone.wantsBody(), "only BodyPartPreference: only BodyPart (MS-ASCON)");

        Element otherTypes = e("AirSync:", "Options", preference("BodyPartPreference", base("Type", "1")),
                preference("BodyPartPreference", base("Type", "4"), base("TruncationSize", "5")));
        assertSame(BodyRequest.PLAIN, BodyRequests.of(Optional.of(otherTypes), V14_1), "only Type 2 is a message part's type");
    }

    @Test
    void version25sTruncationAndMimeCodesBecomeSizes() {
        Element options = e("AirSync:", "Options", e("AirSync:", "Truncation", "3"), e("AirSync:", "MIMESupport", "2"),
                e("AirSync:", "MIMETruncation", "1"));
        assertEquals(new BodyRequest(List.of(new BodyWish(BodyType.PLAIN, 2048, false, 0), new BodyWish(BodyType.MIME, 4096, false, 0)),
                MimeSupport.ALWAYS, List.of()), BodyRequests.of(Optional.of(options), V14_1));
        assertEquals(List.of(new BodyWish(BodyType.PLAIN, 0, false, 0)), wishes(e("AirSync:", "Truncation", "0")), "headers only");
        assertEquals(List.of(new BodyWish(BodyType.PLAIN, 102_400, false, 0)), wishes(e("AirSync:", "Truncation", "8")));
        assertSame(BodyRequest.PLAIN, BodyRequests.of(Optional.of(e("AirSync:", "Options", e("AirSync:", "Truncation", "9"))), V2_5),
                "9: all of it");
        assertEquals(List.of(BodyWish.PLAIN_WHOLE, new BodyWish(BodyType.MIME, -1, false, 0)),
                wishes(e("AirSync:", "MIMESupport", "2"), e("AirSync:", "MIMETruncation", "8")));
        assertEquals(List.of(BodyWish.PLAIN_WHOLE), wishes(e("AirSync:", "Truncation", "12")), "an unknown code cuts nothing");
    }

    private static List<BodyWish> wishes(Element... children) {
        return BodyRequests.of(Optional.of(e("AirSync:", "Options", children)), V14_1).wishes();
    }

    @Test
    void optionsWithoutBodyWishesStateNoneAndMeanPlainText() {
        Element filterOnly = e("AirSync:", "Options", e("AirSync:", "FilterType", "2"), e("AirSync:", "Conflict", "1"));
        assertFalse(BodyRequests.stated(filterOnly, V14_1).isPresent(), "a client's earlier wishes stay");
        assertSame(BodyRequest.PLAIN, BodyRequests.of(Optional.of(filterOnly), V14_1));
        assertSame(BodyRequest.PLAIN, BodyRequests.of(Optional.empty(), V14_1));
        assertTrue(BodyRequests.stated(e("AirSync:", "Options", e("AirSync:", "MIMESupport", "0")), V14_1).isPresent());
    }

    /** The wishes of real phones, from their Sync requests to Exchange. */
    @Test
    void thePhonesCapturedOptionsReadAsTheyMeantThem() throws Exception {
        assertEquals(new BodyRequest(List.of(new BodyWish(BodyType.HTML, 2048, false, 0), new BodyWish(BodyType.MIME, -1, false, 0)),
                MimeSupport.NEVER, List.of()), request("gs2-exchange-receive300EmailsInManualMode/001-Sync-request.wbxml"));
        assertEquals(new BodyRequest(List.of(new BodyWish(BodyType.HTML, 200_000, false, 0)), MimeSupport.NEVER, List.of()),
                request("gs3-exchange-receive-big-email/001-Sync-request.wbxml"));
        assertEquals(new BodyRequest(List.of(new BodyWish(BodyType.PLAIN, 200_000, false, 0)), MimeSupport.NEVER, List.of()),
                request("gs3-exchange-receive-big-email/002-Sync-request.wbxml"));
        assertEquals(new BodyRequest(List.of(new BodyWish(BodyType.PLAIN, 500, false, 0)), MimeSupport.NEVER, List.of()),
                request("ios6-exchange-receive200Emails/014-Sync-request.wbxml"), "MIMETruncation means nothing without MIMESupport");
        assertEquals(new BodyRequest(List.of(new BodyWish(BodyType.MIME, 32_768, false, 0)), MimeSupport.ALWAYS, List.of()),
                request("ios6-exchange-receive200Emails/031-Sync-request.wbxml"));
    }

    /** Every captured Options reads, and its BodyPreferences come out as wishes in the phone's order. */
    @Test
    void everyCapturedOptionsReadsInThePhonesOrder() throws Exception {
        int options = 0;
        for (Path body : Captures.bodies()) {
            List<Element> found = new ArrayList<>();
            collect(Captures.decode(body), found);
            for (Element o : found) {
                List<BodyType> asked = o.children(BODY_PREFERENCE).stream()
                        .map(p -> BodyType.ofCode(Integer.parseInt(p.childText(Tag.of("AirSyncBase:", "Type")).orElseThrow())).orElseThrow())
                        .toList();
                List<BodyType> read = BodyRequests.of(Optional.of(o), V16_1).wishes().stream().map(BodyWish::type).toList();
                assertEquals(asked.isEmpty() ? List.of(BodyType.PLAIN) : asked, read.subList(0, Math.max(1, asked.size())), Captures.name(body));
                options++;
            }
        }
        assertTrue(options >= 300, "the captures hold Sync options: " + options);
    }

    private static BodyRequest request(String capture) throws Exception {
        List<Element> found = new ArrayList<>();
        collect(Captures.decode(Captures.directory().resolve(capture)), found);
        assertEquals(1, found.size(), capture);
        return BodyRequests.of(Optional.of(found.get(0)), V14_1);
    }

    private static void collect(Element element, List<Element> found) {
        if (element.is(OPTIONS)) {
            found.add(element);
        }
        element.children().forEach(c -> collect(c, found));
    }
}
