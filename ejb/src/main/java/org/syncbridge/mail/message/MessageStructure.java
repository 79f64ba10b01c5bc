package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a message's body text, invitation, report fields and attachments are, found from the MIME headers alone
 * (for an IMAP message: from its BODYSTRUCTURE; only a small report or calendar part is fetched). Sections follow
 * RFC 3501: the parts of a multipart are numbered from 1, nested parts as "2.1"; a message that is not multipart has
 * its body at "1".
 */
final class MessageStructure {
    /** An attachment: a part that is not body text. */
    record Leaf(Part part, String section, boolean inline) {
    }

    private enum Role {
        /** where the body text is looked for */
        BODY,
        /** a choice of multipart/alternative: unused text is dropped, not listed */
        ALTERNATIVE,
        /** a resource of multipart/related (an inline image) */
        RESOURCE,
        /** listed whatever it is */
        ATTACHMENT
    }

    static final Set<String> INVITATION_METHODS = Set.of("REQUEST", "CANCEL", "REPLY");
    private static final int SMALL_PART = 64 * 1024;

    final String topType;
    Part plain;
    Part html;
    /** the text/calendar part of an invitation, cancellation or reply, its METHOD and its text */
    Part calendar;
    String calendarMethod;
    String calendarText;
    /** multipart/report's report-type and its machine-readable part's fields */
    String reportType;
    String reportFields;
    final List<Leaf> attachments = new ArrayList<>();

    private final int calendarMax;
    private boolean bodyTaken;

    private MessageStructure(String topType, int calendarMax) {
        this.topType = topType;
        this.calendarMax = calendarMax;
    }

    /** @param calendarMax the most bytes of a text/calendar part read to find its METHOD and give to the invitation reader */
    static MessageStructure of(MimeMessage message, int calendarMax) throws MessagingException, IOException {
        MessageStructure s = new MessageStructure(Parts.baseType(message), calendarMax);
        if (s.topType.startsWith("multipart/") && s.multipart(message, "", Role.BODY)) {
            return s;
        }
        s.leaf(message, "1", Role.BODY);
        return s;
    }

    /** S/MIME: signed (multipart/signed) or encrypted or opaque-signed (application/pkcs7-mime). */
    boolean smime() {
        return topType.equals("multipart/signed") || encrypted();
    }

    boolean encrypted() {
        return topType.equals("application/pkcs7-mime") || topType.equals("application/x-pkcs7-mime");
    }

    private void walk(Part part, String section, Role role) throws MessagingException, IOException {
        if (!Parts.baseType(part).startsWith("multipart/") || !multipart(part, section, role)) {
            leaf(part, section, role);
        }
    }

    /** @return false when the multipart cannot be read as one (then it is a leaf) */
    private boolean multipart(Part part, String section, Role role) throws MessagingException, IOException {
        Multipart multipart;
        try {
            if (!(part.getContent() instanceof Multipart m)) {
                return false;
            }
            multipart = m;
        } catch (MessagingException e) {
            return false; // a broken multipart: offer its bytes as an attachment
        }
        String subtype = Parts.baseType(part).substring("multipart/".length());
        int count = multipart.getCount();
        Role inner = role == Role.ALTERNATIVE || role == Role.BODY ? role : Role.ATTACHMENT;
        switch (subtype) {
            case "alternative" -> {
                Role choice = bodyTaken || role == Role.ATTACHMENT || role == Role.RESOURCE ? Role.ATTACHMENT : Role.ALTERNATIVE;
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), child(section, i), choice);
                }
                takeBody();
            }
            case "related" -> {
                int root = relatedRoot(part, multipart);
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), child(section, i), i == root ? inner : Role.RESOURCE);
                }
            }
            case "signed", "report" -> {
                if (subtype.equals("report") && reportType == null) {
                    String type = Parts.typeParameter(part, "report-type");
                    reportType = type == null ? "" : type.toLowerCase(Locale.ROOT);
                }
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), child(section, i), i == 0 ? inner : Role.ATTACHMENT);
                }
            }
            default -> { // mixed, and any multipart not known: its parts in order, the first text is the body
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), child(section, i), inner);
                    takeBody();
                }
            }
        }
        return true;
    }

    private void leaf(Part part, String section, Role role) throws MessagingException, IOException {
        String type = Parts.baseType(part);
        if (type.equals("text/calendar") && role != Role.ATTACHMENT && invitation(part)) {
            return;
        }
        if (reportFields == null && reportType != null && (type.equals("message/delivery-status")
                || type.equals("message/global-delivery-status") || type.equals("message/disposition-notification"))) {
            reportFields = Parts.smallText(part, SMALL_PART);
        }
        boolean text = type.equals("text/plain") || type.equals("text/html");
        boolean attachmentLike = "attachment".equals(Parts.disposition(part)) || Parts.fileName(part) != null;
        if (role == Role.ALTERNATIVE && !attachmentLike) {
            if (type.equals("text/plain") && plain == null) {
                plain = part;
            } else if (type.equals("text/html") && html == null) {
                html = part;
            } else if (!type.startsWith("text/")) {
                attach(part, section, role);
            }
            return; // another alternative of the same text
        }
        if (role == Role.BODY && text && !attachmentLike && !bodyTaken) {
            if (type.equals("text/plain")) {
                plain = part;
            } else {
                html = part;
            }
            return;
        }
        attach(part, section, role);
    }

    private void attach(Part part, String section, Role role) throws MessagingException {
        String disposition = Parts.disposition(part);
        boolean inline = Parts.contentId(part) != null && !"attachment".equals(disposition)
                && ("inline".equals(disposition) || role == Role.RESOURCE);
        attachments.add(new Leaf(part, section, inline));
    }

    /** The first text/calendar with METHOD REQUEST, CANCEL or REPLY is the message's invitation. */
    private boolean invitation(Part part) throws MessagingException, IOException {
        if (calendar != null) {
            return false;
        }
        String text = Parts.smallText(part, calendarMax);
        String method = Parts.typeParameter(part, "method");
        if (method == null) {
            method = ICalendarLines.value(text, "METHOD");
        }
        method = method == null ? null : method.trim().toUpperCase(Locale.ROOT);
        if (!INVITATION_METHODS.contains(method)) {
            return false;
        }
        calendar = part;
        calendarMethod = method;
        calendarText = text;
        return true;
    }

    private void takeBody() {
        bodyTaken |= plain != null || html != null;
    }

    private static int relatedRoot(Part part, Multipart multipart) throws MessagingException {
        String start = Parts.typeParameter(part, "start");
        if (start != null) {
            String id = start.trim().replaceAll("^<|>$", "");
            for (int i = 0; i < multipart.getCount(); i++) {
                if (id.equals(Parts.contentId(multipart.getBodyPart(i)))) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static String child(String section, int index) {
        return section.isEmpty() ? String.valueOf(index + 1) : section + "." + (index + 1);
    }
}
