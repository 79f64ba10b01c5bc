package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.syncbridge.directory.Recipient;
import org.syncbridge.pim.Availability;
import org.syncbridge.directory.RecipientLookup;
import org.syncbridge.directory.Resolution;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * ResolveRecipients (MS-ASCMD 2.2.1.15): each To against the Global Address Book and the user's own
 * contacts (see {@link RecipientLookup}). Response Status 1 resolved, 2 ambiguous (all suggestions),
 * 3 ambiguous with only MaxAmbiguousRecipients of RecipientCount suggestions, 4 not resolved; a request
 * outside the schema (no To or more than 100, a To over 256 characters, an option out of its range)
 * gets the overall Status 5.
 *
 * <p>Certificates go only with a resolved recipient: its valid S/MIME certificates (Status 1), none
 * (Status 7), or Status 8 once MaxCertificates certificates have gone out in this response. A mini
 * certificate (CertificateRetrieval 3) is a format Microsoft does not specify, so those clients get
 * the full certificates, as for 2. From 14.1 Picture returns photos as Search does. From 14.0
 * Availability answers a user's merged free/busy from their own calendars in 30-minute steps (up to 42
 * days, as Exchange); a contact's address gets Availability Status 162 (no free/busy here).
 */
@ApplicationScoped
public class ResolveRecipientsCommand implements ImmediateCommand {
    private static final String NS = "ResolveRecipients:";
    private static final Tag ROOT = Tag.of(NS, "ResolveRecipients");
    private static final Tag TO = Tag.of(NS, "To");
    private static final Tag OPTIONS = Tag.of(NS, "Options");
    private static final Tag CERTIFICATE_RETRIEVAL = Tag.of(NS, "CertificateRetrieval");
    private static final Tag MAX_CERTIFICATES = Tag.of(NS, "MaxCertificates");
    private static final Tag MAX_AMBIGUOUS = Tag.of(NS, "MaxAmbiguousRecipients");
    private static final Tag PICTURE = Tag.of(NS, "Picture");
    private static final Tag MAX_SIZE = Tag.of(NS, "MaxSize");
    private static final Tag MAX_PICTURES = Tag.of(NS, "MaxPictures");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag RESPONSE = Tag.of(NS, "Response");
    private static final Tag RECIPIENT_COUNT = Tag.of(NS, "RecipientCount");
    private static final Tag RECIPIENT = Tag.of(NS, "Recipient");
    private static final Tag TYPE = Tag.of(NS, "Type");
    private static final Tag DISPLAY_NAME = Tag.of(NS, "DisplayName");
    private static final Tag EMAIL_ADDRESS = Tag.of(NS, "EmailAddress");
    private static final Tag CERTIFICATES = Tag.of(NS, "Certificates");
    private static final Tag CERTIFICATE = Tag.of(NS, "Certificate");
    private static final Tag CERTIFICATE_COUNT = Tag.of(NS, "CertificateCount");
    private static final Tag DATA = Tag.of(NS, "Data");
    private static final Tag AVAILABILITY = Tag.of(NS, "Availability");
    private static final Tag START_TIME = Tag.of(NS, "StartTime");
    private static final Tag END_TIME = Tag.of(NS, "EndTime");
    private static final Tag MERGED_FREE_BUSY = Tag.of(NS, "MergedFreeBusy");
    /** Exchange 2010 and later answer at most 42 days of free/busy, in 30-minute intervals. */
    private static final Duration MAX_AVAILABILITY = Duration.ofDays(42);
    private static final Duration FREE_BUSY_INTERVAL = Duration.ofMinutes(30);
    /** Availability Status when a recipient has no calendar here (a contact's address). */
    private static final int FREE_BUSY_UNAVAILABLE = 162;
    private static final int MAX_TO = 100;
    private static final int MAX_TO_LENGTH = 256;
    private static final int MAX_OPTION = 9999;
    private static final int PROTOCOL_ERROR = 5;

    @EJB
    RecipientLookup lookup;

    @EJB
    Availability availability;

    @Override
    public Tag root() {
        return ROOT;
    }

    /** What the client asked for; maxCertificates counts over the whole response. */
    record Request(List<String> to, boolean certificates, int maxCertificates, int maxAmbiguous,
                   Optional<PhotoLimits> photos, Optional<Period> freeBusy) {
    }

    /** The span of free/busy a client asked for. */
    record Period(Instant start, Instant end) {
    }

    private record Answer(String to, Resolution resolution) {
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Optional<Request> request = read(x.request(ROOT), x.atLeast(ProtocolVersion.V14_1), x.atLeast(ProtocolVersion.V14_0));
        if (request.isEmpty()) {
            return Wbxml.status(this, PROTOCOL_ERROR);
        }
        Request r = request.get();
        List<Answer> answers = new ArrayList<>();
        for (String to : r.to()) {
            answers.add(new Answer(to, lookup.resolve(x.user().userId(), x.user().contextId(), to, r.maxAmbiguous())));
        }
        long userId = x.user().userId();
        return Wbxml.ok(out -> {
            int[] certificatesLeft = {r.maxCertificates()};
            out.start(ROOT).text(STATUS, "1");
            for (Answer a : answers) {
                out.start(RESPONSE).text(TO, a.to()).text(STATUS, String.valueOf(status(a.resolution().outcome())))
                        .text(RECIPIENT_COUNT, String.valueOf(a.resolution().total()));
                for (Recipient recipient : a.resolution().recipients()) {
                    out.start(RECIPIENT).text(TYPE, recipient.kind() == Recipient.Kind.GAL ? "1" : "2")
                            .text(DISPLAY_NAME, recipient.displayName()).text(EMAIL_ADDRESS, recipient.address());
                    if (r.certificates() && a.resolution().outcome() == Resolution.Outcome.RESOLVED) {
                        certificatesLeft[0] = certificates(out, recipient.certificates(), certificatesLeft[0]);
                    }
                    if (r.freeBusy().isPresent()) {
                        availability(out, recipient, r.freeBusy().get());
                    }
                    if (r.photos().isPresent()) {
                        picture(out, userId, recipient, r.photos().get());
                    }
                    out.end();
                }
                out.end();
            }
            out.end();
        });
    }

    /** The request, or empty when it is outside the schema or asks for an impossible free/busy span. */
    static Optional<Request> read(Element root, boolean picturesKnown, boolean availabilityKnown) {
        List<String> to = new ArrayList<>();
        for (Element e : root.children(TO)) {
            if (!e.children().isEmpty() || e.text().length() > MAX_TO_LENGTH) {
                return Optional.empty();
            }
            to.add(e.text());
        }
        if (to.isEmpty() || to.size() > MAX_TO) {
            return Optional.empty();
        }
        Optional<Element> options = root.child(OPTIONS);
        OptionalInt retrieval = option(options, CERTIFICATE_RETRIEVAL, 1);
        OptionalInt maxCertificates = option(options, MAX_CERTIFICATES, Integer.MAX_VALUE);
        OptionalInt maxAmbiguous = option(options, MAX_AMBIGUOUS, RecipientLookup.MAX_SUGGESTIONS);
        if (retrieval.isEmpty() || retrieval.getAsInt() < 1 || retrieval.getAsInt() > 3
                || maxCertificates.isEmpty() || maxAmbiguous.isEmpty()) {
            return Optional.empty();
        }
        Optional<Element> picture = picturesKnown ? options.flatMap(o -> o.child(PICTURE)) : Optional.empty();
        Optional<PhotoLimits> photos = picture.flatMap(p -> PhotoLimits.of(p, MAX_SIZE, MAX_PICTURES));
        if (picture.isPresent() && photos.isEmpty()) {
            return Optional.empty();
        }
        Optional<Element> asked = availabilityKnown ? options.flatMap(o -> o.child(AVAILABILITY)) : Optional.empty();
        Optional<Period> freeBusy = asked.flatMap(ResolveRecipientsCommand::period);
        if (asked.isPresent() && freeBusy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Request(List.copyOf(to), retrieval.getAsInt() != 1, maxCertificates.getAsInt(),
                maxAmbiguous.getAsInt(), photos, freeBusy));
    }

    /** StartTime is required; EndTime defaults to a week later; at least 30 minutes, at most 42 days. */
    private static Optional<Period> period(Element availability) {
        try {
            Instant start = Instant.parse(availability.childText(START_TIME).orElse("").trim());
            Instant end = availability.childText(END_TIME).map(t -> Instant.parse(t.trim())).orElse(start.plus(Duration.ofDays(7)));
            boolean fits = !end.isBefore(start.plus(FREE_BUSY_INTERVAL)) && !end.isAfter(start.plus(MAX_AVAILABILITY));
            return fits ? Optional.of(new Period(start, end)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A user's merged free/busy; a contact's address has no calendar here. */
    private void availability(WbxmlWriter out, Recipient recipient, Period period) throws IOException {
        out.start(AVAILABILITY);
        if (recipient.kind() == Recipient.Kind.GAL) {
            out.text(STATUS, "1").text(MERGED_FREE_BUSY,
                    availability.mergedFreeBusy(recipient.id(), period.start(), period.end(), FREE_BUSY_INTERVAL));
        } else {
            out.text(STATUS, String.valueOf(FREE_BUSY_UNAVAILABLE));
        }
        out.end();
    }

    /** An option's value 0..9999, its default when absent, empty when out of range. */
    private static OptionalInt option(Optional<Element> options, Tag tag, int absent) {
        Optional<String> text = options.flatMap(o -> o.childText(tag));
        if (text.isEmpty()) {
            return OptionalInt.of(absent);
        }
        OptionalInt value = Numbers.nonNegative(text.get());
        return value.isPresent() && value.getAsInt() <= MAX_OPTION ? value : OptionalInt.empty();
    }

    static int status(Resolution.Outcome outcome) {
        return switch (outcome) {
            case RESOLVED -> 1;
            case AMBIGUOUS -> 2;
            case AMBIGUOUS_PARTIAL -> 3;
            case UNRESOLVED -> 4;
        };
    }

    /** Writes the recipient's Certificates; returns how many more this response may carry. */
    private static int certificates(WbxmlWriter out, List<String> certificates, int left) throws IOException {
        out.start(CERTIFICATES);
        if (certificates.isEmpty()) {
            out.text(STATUS, "7");
        } else if (certificates.size() > left) {
            out.text(STATUS, "8").text(CERTIFICATE_COUNT, String.valueOf(certificates.size()));
        } else {
            out.text(STATUS, "1").text(CERTIFICATE_COUNT, String.valueOf(certificates.size()));
            for (String certificate : certificates) {
                out.text(CERTIFICATE, certificate);
            }
            left -= certificates.size();
        }
        out.end();
        return left;
    }

    private void picture(WbxmlWriter out, long userId, Recipient recipient, PhotoLimits limits) throws IOException {
        int status = limits.judge(recipient.photoSize());
        Optional<byte[]> photo = status == PhotoLimits.SENT ? lookup.photo(userId, recipient) : Optional.empty();
        out.start(PICTURE);
        if (photo.isPresent()) {
            out.text(STATUS, "1").opaque(DATA, photo.get());
        } else {
            out.text(STATUS, String.valueOf(status == PhotoLimits.SENT ? PhotoLimits.NO_PHOTO : status));
        }
        out.end();
    }
}
