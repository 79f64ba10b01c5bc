package org.syncbridge.mail.sync;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.syncbridge.mail.message.EmailProperties;

/**
 * A draft as a 16.0 phone writes it (MS-ASEMAIL 2.2.2.69, MS-ASAIRS Add/Delete): recipients, subject, importance,
 * a plain-text body and attachments, made into a MIME message for the Drafts folder. An edited draft keeps what the
 * phone did not send (recipients, body, the attachments it did not delete) from the stored one.
 */
final class DraftMessage {
    private static final Session SESSION = Session.getInstance(new Properties());

    /** One attachment the phone added, with the section it gets in the new message. */
    record Added(String clientId, String section) {
    }

    /** The message to store, and where the phone's new attachments ended up. */
    record Built(MimeMessage message, List<Added> added) {
    }

    private DraftMessage() {
    }

    /**
     * @param previous the stored draft an edit starts from, or null for a new one
     * @param deletedSections IMAP sections (of {@code previous}) of attachments the phone removed
     */
    static Built build(Map<String, Object> sent, MimeMessage previous, Set<String> deletedSections, String fromAddress,
                       String fromName) throws MessagingException, IOException {
        MimeMessage draft = new MimeMessage(SESSION);
        draft.setFrom(address(fromAddress, fromName));
        recipients(draft, Message.RecipientType.TO, sent, EmailProperties.TO, previous);
        recipients(draft, Message.RecipientType.CC, sent, EmailProperties.CC, previous);
        recipients(draft, Message.RecipientType.BCC, sent, EmailProperties.BCC, previous);
        Object subject = sent.containsKey(EmailProperties.SUBJECT) ? sent.get(EmailProperties.SUBJECT)
                : previous == null ? null : previous.getSubject();
        if (subject != null) {
            draft.setSubject(String.valueOf(subject), "UTF-8");
        }
        String importance = String.valueOf(sent.getOrDefault(EmailProperties.IMPORTANCE, previous == null ? "1"
                : importanceOf(previous)));
        if (!"1".equals(importance)) {
            draft.setHeader("Importance", "0".equals(importance) ? "low" : "high");
        }
        draft.setSentDate(new Date());
        String text = sent.get(EmailProperties.BODY) instanceof String s ? s : previous == null ? "" : plainText(previous);
        List<BodyPart> kept = previous == null ? List.of() : keptAttachments(previous, deletedSections);
        List<Map<?, ?>> added = new ArrayList<>();
        if (sent.get(EmailProperties.ATTACHMENTS_ADDED) instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> m) {
                    added.add(m);
                }
            }
        }
        List<Added> placed = new ArrayList<>();
        if (kept.isEmpty() && added.isEmpty()) {
            draft.setText(text, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mixed.addBodyPart(body);
            for (BodyPart part : kept) {
                mixed.addBodyPart(part);
            }
            for (Map<?, ?> a : added) {
                mixed.addBodyPart(attachment(a));
                placed.add(new Added(String.valueOf(a.get("clientId")), String.valueOf(mixed.getCount())));
            }
            draft.setContent(mixed);
        }
        draft.saveChanges();
        return new Built(draft, placed);
    }

    private static MimeBodyPart attachment(Map<?, ?> a) throws MessagingException {
        byte[] content = a.get("content") instanceof byte[] b ? b : new byte[0];
        String type = a.get("contentType") == null ? "application/octet-stream" : String.valueOf(a.get("contentType"));
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        if (a.get("displayName") != null) {
            part.setFileName(String.valueOf(a.get("displayName"))); // RFC 2231 for names beyond ASCII
        }
        boolean inline = "1".equals(String.valueOf(a.get("isInline")));
        part.setDisposition(inline ? Part.INLINE : Part.ATTACHMENT);
        if (a.get("contentId") != null) {
            part.setContentID("<" + a.get("contentId") + ">");
        }
        return part;
    }

    private static void recipients(MimeMessage draft, Message.RecipientType type, Map<String, Object> sent, String property,
                                   MimeMessage previous) throws MessagingException {
        if (sent.containsKey(property)) {
            String list = String.valueOf(sent.get(property));
            if (!list.isBlank()) {
                draft.setRecipients(type, InternetAddress.parse(list.replace(';', ','), false));
            }
        } else if (previous != null && previous.getRecipients(type) != null) {
            draft.setRecipients(type, previous.getRecipients(type));
        }
    }

    private static InternetAddress address(String address, String name) throws AddressException {
        try {
            return new InternetAddress(address, name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            return new InternetAddress(address);
        }
    }

    private static String importanceOf(MimeMessage m) throws MessagingException {
        String value = m.getHeader("Importance", null);
        return value == null ? "1" : value.trim().equalsIgnoreCase("high") ? "2" : value.trim().equalsIgnoreCase("low") ? "0" : "1";
    }

    /** The draft's text: the first text/plain part (drafts written here have it first). */
    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            Object content = part.getContent();
            return content instanceof String s ? s : "";
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp && mp.getCount() > 0) {
            return plainText(mp.getBodyPart(0));
        }
        return "";
    }

    /** The attachments of a stored draft the phone did not delete: every part after the first of a multipart/mixed. */
    private static List<BodyPart> keptAttachments(MimeMessage previous, Set<String> deletedSections) throws MessagingException, IOException {
        List<BodyPart> kept = new ArrayList<>();
        if (previous.isMimeType("multipart/*") && previous.getContent() instanceof Multipart mp) {
            for (int i = 1; i < mp.getCount(); i++) {
                if (!deletedSections.contains(String.valueOf(i + 1))) {
                    kept.add(new MimeBodyPart(copy((MimeBodyPart) mp.getBodyPart(i))));
                }
            }
        }
        return kept;
    }

    /** The part's headers and encoded content, detached from the stored message. */
    private static java.io.InputStream copy(MimeBodyPart part) throws MessagingException, IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        part.writeTo(bytes);
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }
}
