package org.syncbridge.web.eas.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncbridge.directory.Resolution;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** Which ResolveRecipients requests are inside the schema (else Status 5), and what they ask for. */
class ResolveRecipientsRequestTest {
    private static final String R = "ResolveRecipients:";

    private static Element request(List<String> to, Element... options) {
        List<Element> children = new ArrayList<>();
        to.forEach(t -> children.add(Element.text(Tag.of(R, "To"), t)));
        if (options.length > 0) {
            children.add(Element.of(Tag.of(R, "Options"), options));
        }
        return Element.of(Tag.of(R, "ResolveRecipients"), children);
    }

    private static Element option(String name, String value) {
        return Element.text(Tag.of(R, name), value);
    }

    @Test
    void optionsHaveTheirDefaults() {
        ResolveRecipientsCommand.Request r = ResolveRecipientsCommand.read(request(List.of("ann", "bob@x.org")), true, true).orElseThrow();
        assertEquals(List.of("ann", "bob@x.org"), r.to());
        assertFalse(r.certificates());
        assertEquals(100, r.maxAmbiguous());
        assertTrue(r.photos().isEmpty());
    }

    @Test
    void certificatesFullOrMiniAndTheLimits() {
        ResolveRecipientsCommand.Request r = ResolveRecipientsCommand.read(request(List.of("ann"), option("CertificateRetrieval", "3"),
                option("MaxCertificates", "2"), option("MaxAmbiguousRecipients", "0")), true, true).orElseThrow();
        assertTrue(r.certificates());
        assertEquals(2, r.maxCertificates());
        assertEquals(0, r.maxAmbiguous());
    }

    @Test
    void requestsOutsideTheSchemaAreRefused() {
        assertFalse(ResolveRecipientsCommand.read(request(List.of()), true, true).isPresent());
        assertFalse(ResolveRecipientsCommand.read(request(Collections.nCopies(101, "ann")), true, true).isPresent());
        assertFalse(ResolveRecipientsCommand.read(request(List.of("x".repeat(257))), true, true).isPresent());
        assertFalse(ResolveRecipientsCommand.read(request(List.of("ann"), option("CertificateRetrieval", "4")), true, true).isPresent());
        assertFalse(ResolveRecipientsCommand.read(request(List.of("ann"), option("MaxAmbiguousRecipients", "10000")), true, true).isPresent());
        assertFalse(ResolveRecipientsCommand.read(request(List.of("ann"), option("MaxCertificates", "many")), true, true).isPresent());
    }

    @Test
    void availabilityNeedsAStartAndAtMost42DaysFrom14Point0() {
        Element week = Element.of(Tag.of(R, "Availability"), option("StartTime", "2026-11-23T08:00:00.000Z"));
        ResolveRecipientsCommand.Period period = ResolveRecipientsCommand.read(request(List.of("ann"), week), true, true)
                .orElseThrow().freeBusy().orElseThrow();
        assertEquals(java.time.Instant.parse("2026-11-30T08:00:00Z"), period.end(), "a week by default");
        assertTrue(ResolveRecipientsCommand.read(request(List.of("ann"), week), false, false).orElseThrow().freeBusy().isEmpty(),
                "12.1 knows no Availability");
        Element tooLong = Element.of(Tag.of(R, "Availability"), option("StartTime", "2026-11-23T08:00:00.000Z"),
                option("EndTime", "2027-01-23T08:00:00.000Z"));
        Element tooShort = Element.of(Tag.of(R, "Availability"), option("StartTime", "2026-11-23T08:00:00.000Z"),
                option("EndTime", "2026-11-23T08:10:00.000Z"));
        Element noStart = Element.of(Tag.of(R, "Availability"), option("EndTime", "2026-11-23T08:10:00.000Z"));
        for (Element wrong : List.of(tooLong, tooShort, noStart)) {
            assertFalse(ResolveRecipientsCommand.read(request(List.of("ann"), wrong), true, true).isPresent(), wrong.toString());
        }
    }

    @Test
    void outcomesHaveTheSpecsStatuses() {
        assertEquals(1, ResolveRecipientsCommand.status(Resolution.Outcome.RESOLVED));
        assertEquals(2, ResolveRecipientsCommand.status(Resolution.Outcome.AMBIGUOUS));
        assertEquals(3, ResolveRecipientsCommand.status(Resolution.Outcome.AMBIGUOUS_PARTIAL));
        assertEquals(4, ResolveRecipientsCommand.status(Resolution.Outcome.UNRESOLVED));
    }
}
