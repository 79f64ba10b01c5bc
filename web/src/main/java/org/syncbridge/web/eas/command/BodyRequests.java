package org.syncbridge.web.eas.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.syncbridge.mail.message.BodyRequest;
import org.syncbridge.mail.message.BodyType;
import org.syncbridge.mail.message.BodyWish;
import org.syncbridge.mail.message.MimeSupport;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * What a client wants of mail bodies, from the Options of a Sync collection, an ItemOperations Fetch or a Search
 * (their body children are AirSync and AirSyncBase tags in all three): BodyPreference in the client's order,
 * BodyPartPreference (from 14.1; only its Type 2, HTML, is defined, MS-ASAIRS 2.2.2.41.3), MIMESupport and
 * MIMETruncation, and EAS 2.5's Truncation codes. Values the client cannot mean (an unknown Type, a second preference
 * for one Type) are skipped, so one odd element does not cost the client its mail. Options that ask only for the
 * message part ask for no Body (MS-ASCON, "Sending a Message Part").
 */
public final class BodyRequests {
    private static final Tag BODY_PREFERENCE = Tag.of("AirSyncBase:", "BodyPreference");
    private static final Tag BODY_PART_PREFERENCE = Tag.of("AirSyncBase:", "BodyPartPreference");
    private static final Tag TYPE = Tag.of("AirSyncBase:", "Type");
    private static final Tag TRUNCATION_SIZE = Tag.of("AirSyncBase:", "TruncationSize");
    private static final Tag ALL_OR_NONE = Tag.of("AirSyncBase:", "AllOrNone");
    private static final Tag PREVIEW = Tag.of("AirSyncBase:", "Preview");
    private static final Tag MIME_SUPPORT = Tag.of("AirSync:", "MIMESupport");
    private static final Tag MIME_TRUNCATION = Tag.of("AirSync:", "MIMETruncation");
    private static final Tag TRUNCATION = Tag.of("AirSync:", "Truncation");
    private static final Set<Tag> BODY_OPTIONS = Set.of(BODY_PREFERENCE, BODY_PART_PREFERENCE, MIME_SUPPORT, MIME_TRUNCATION, TRUNCATION);

    /** MS-ASCMD Truncation (EAS 2.5), characters by code: 0 none of the body ... 9 all of it. */
    private static final long[] TRUNCATION_CODES = {0, 512, 1024, 2048, 5120, 10240, 20480, 51200, 102400, -1};
    /** MS-ASCMD MIMETruncation, characters by code: 0 none of the body ... 8 all of it. */
    private static final long[] MIME_TRUNCATION_CODES = {0, 4096, 5120, 7168, 10240, 20480, 51200, 102400, -1};
    /** MS-ASAIRS Preview: at most 255 characters. */
    private static final int MAX_PREVIEW = 255;
    private static final long MAX_UNSIGNED_INT = 0xFFFF_FFFFL;

    private BodyRequests() {
    }

    /**
     * The wishes of a client speaking {@code version}; plain text, whole, when the options say nothing of bodies (or
     * there are none). BodyPartPreference is not read before 14.1, which has no BodyPart.
     */
    public static BodyRequest of(Optional<Element> options, ProtocolVersion version) {
        return options.flatMap(o -> stated(o, version)).orElse(BodyRequest.PLAIN);
    }

    /**
     * The wishes these options state, or empty when they name none of the body options: the server keeps a client's
     * preferences from request to request (MS-ASAIRS BodyPreference) until an Options states new ones.
     */
    public static Optional<BodyRequest> stated(Element options, ProtocolVersion version) {
        if (options.children().stream().noneMatch(c -> BODY_OPTIONS.contains(c.tag()))) {
            return Optional.empty();
        }
        MimeSupport mime = options.childText(MIME_SUPPORT).map(String::trim).map(BodyRequests::mimeSupport).orElse(MimeSupport.NEVER);
        List<BodyWish> wishes = wishes(options.children(BODY_PREFERENCE));
        List<BodyWish> partWishes = !version.atLeast(ProtocolVersion.V14_1) ? List.of()
                : wishes(options.children(BODY_PART_PREFERENCE)).stream().filter(w -> w.type() == BodyType.HTML).toList();
        boolean partOnly = !partWishes.isEmpty() && options.child(TRUNCATION).isEmpty();
        if (wishes.isEmpty() && !partOnly) { // EAS 2.5: plain text, cut at the Truncation code's size (whole without one)
            long size = options.childText(TRUNCATION).flatMap(t -> code(t, TRUNCATION_CODES)).orElse(-1L);
            wishes.add(new BodyWish(BodyType.PLAIN, size, false, 0));
        }
        if (mime != MimeSupport.NEVER && wishes.stream().noneMatch(w -> w.type() == BodyType.MIME)) {
            long size = options.childText(MIME_TRUNCATION).flatMap(t -> code(t, MIME_TRUNCATION_CODES)).orElse(-1L);
            wishes.add(new BodyWish(BodyType.MIME, size, false, 0)); // what MIME-supporting mail goes as
        }
        BodyRequest request = new BodyRequest(List.copyOf(wishes), mime, partWishes);
        return Optional.of(request.equals(BodyRequest.PLAIN) ? BodyRequest.PLAIN : request);
    }

    private static List<BodyWish> wishes(List<Element> preferences) {
        List<BodyWish> wishes = new ArrayList<>();
        for (Element preference : preferences) {
            Optional<BodyType> type = preference.childText(TYPE).flatMap(t -> number(t, 9)).flatMap(t -> BodyType.ofCode(t.intValue()));
            if (type.isEmpty() || wishes.stream().anyMatch(w -> w.type() == type.get())) {
                continue;
            }
            Optional<Long> size = preference.childText(TRUNCATION_SIZE).flatMap(t -> number(t, MAX_UNSIGNED_INT));
            // AllOrNone means nothing without a TruncationSize (MS-ASAIRS 2.2.2.3)
            boolean allOrNone = size.isPresent() && preference.childText(ALL_OR_NONE).map(a -> a.trim().equals("1")).orElse(false);
            int preview = preference.childText(PREVIEW).flatMap(t -> number(t, MAX_UNSIGNED_INT))
                    .map(p -> (int) Math.min(p, MAX_PREVIEW)).orElse(0);
            wishes.add(new BodyWish(type.get(), size.orElse(-1L), allOrNone, preview));
        }
        return wishes;
    }

    private static MimeSupport mimeSupport(String code) {
        return switch (code) {
            case "1" -> MimeSupport.SMIME_ONLY;
            case "2" -> MimeSupport.ALWAYS;
            default -> MimeSupport.NEVER;
        };
    }

    private static Optional<Long> code(String text, long[] sizes) {
        return number(text, sizes.length - 1).map(c -> sizes[(int) (long) c]);
    }

    /** A decimal number from 0 to {@code max}, or empty. */
    private static Optional<Long> number(String text, long max) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long value = Long.parseLong(t);
        return value <= max ? Optional.of(value) : Optional.empty();
    }
}
