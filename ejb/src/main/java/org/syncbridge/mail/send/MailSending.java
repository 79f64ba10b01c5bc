package org.syncbridge.mail.send;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.syncbridge.mail.ImapConnections;
import org.syncbridge.mail.MailFolderDirectory;
import org.syncbridge.mail.MailUnavailable;
import org.syncbridge.mail.sync.MailSources;
import org.syncbridge.mail.sync.MailSources.SourceMail;

/**
 * Sends a message a device submitted (SendMail, SmartReply, SmartForward) and one the server builds for a user:
 * checks it, adds the original where asked, submits it over SMTP once, keeps the submitted bytes in Sent, and flags
 * the original as answered or forwarded. The phone's MIME is never rebuilt ({@link Composer}).
 *
 * <p>A repeat is not submitted again: the same ClientId from the same device within a week, and the same iMIP
 * invitation (see {@link ImipFingerprint}) from the same device, are answered as the first time and logged.
 * Nothing is written to Sent unless the SMTP server accepted the message.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailSending {
    private static final Logger LOG = Logger.getLogger(MailSending.class.getName());
    private static final String FORWARDED = "$Forwarded";

    @EJB
    SendLedger ledger;

    @EJB
    Senders senders;

    @EJB
    MailSources sources;

    @EJB
    MailFolderDirectory folders;

    @Inject
    ImapConnections connections;

    @Resource(lookup = "java:jboss/mail/Syncbridge")
    Session session;

    public SendStatus send(SendRequest r) {
        if (r.accountId() != null) {
            return SendStatus.INVALID_ACCOUNT;
        }
        long max = SendSettings.maxBytes();
        if (r.mime().length > max) {
            return SendStatus.TOO_LARGE;
        }
        PhoneMessage phone;
        List<InternetAddress> from;
        List<InternetAddress> recipients;
        try {
            phone = PhoneMessage.parse(r.mime());
            from = phone.from();
            List<InternetAddress> claimed = new ArrayList<>(from);
            claimed.addAll(phone.sender());
            Senders.Sender sender = senders.of(r.userId());
            for (InternetAddress a : claimed) {
                if (!sender.addresses().contains(a.getAddress().toLowerCase(Locale.ROOT))) {
                    LOG.warning(() -> "Refused a message of user " + r.userId() + " from " + a.getAddress() + ": not one of the user's addresses");
                    return SendStatus.FROM_NOT_ALLOWED;
                }
            }
            recipients = phone.envelope();
            if (recipients.isEmpty()) {
                return SendStatus.NO_RECIPIENTS;
            }
            if (from.isEmpty() && sender.primary() == null) {
                LOG.warning(() -> "Refused a message of user " + r.userId() + " without From: the user has no address");
                return SendStatus.FROM_NOT_ALLOWED;
            }
            InternetAddress sendAs = from.isEmpty() ? address(sender) : from.get(0);
            return once(r, phone, sendAs, from.isEmpty(), recipients, max);
        } catch (InvalidMime e) {
            LOG.info(() -> "A message of user " + r.userId() + " is not MIME: " + e.getMessage());
            return SendStatus.INVALID_MIME;
        }
    }

    /** Claims the ClientId and the invitation, submits, and records how it ended. */
    private SendStatus once(SendRequest r, PhoneMessage phone, InternetAddress sendAs, boolean addFrom,
                            List<InternetAddress> recipients, long max) {
        List<String> claimed = new ArrayList<>();
        boolean sent = false;
        try {
            if (r.clientId() != null) {
                String key = "client:" + r.clientId();
                SendLedger.Claim c = claim(r, key);
                if (c != SendLedger.Claim.NEW) {
                    LOG.info(() -> "ClientId " + r.clientId() + " of device " + r.deviceId() + " again: " + (c == SendLedger.Claim.SENT ? "sent before, not again" : "still being sent"));
                    return c == SendLedger.Claim.SENT ? SendStatus.ALREADY_SENT : SendStatus.RETRY_LATER;
                }
                claimed.add(key);
            }
            Optional<String> invitation = ImipFingerprint.of(phone, recipients).map(h -> "imip:" + h);
            if (invitation.isPresent()) {
                SendLedger.Found f = claimFound(r, invitation.get());
                if (f.claim() != SendLedger.Claim.NEW) {
                    LOG.warning(() -> "Device " + r.deviceId() + " of user " + r.userId() + " sent the same invitation again ("
                            + (f.claim() == SendLedger.Claim.SENT ? "repeat " + f.repeats() + "); not submitted again" : "while it was being sent)"));
                    if (f.claim() == SendLedger.Claim.SENT) {
                        sent = true;
                        return SendStatus.ALREADY_SENT;
                    }
                    return SendStatus.RETRY_LATER;
                }
                claimed.add(invitation.get());
            }
            SendStatus status = submit(r, phone, sendAs, addFrom, recipients, max);
            sent = status.sent();
            return status;
        } finally {
            for (String key : claimed) {
                if (sent) {
                    ledger.sent(r.deviceId(), key);
                } else {
                    ledger.release(r.deviceId(), key);
                }
            }
        }
    }

    private SendLedger.Claim claim(SendRequest r, String key) {
        return claimFound(r, key).claim();
    }

    private SendLedger.Found claimFound(SendRequest r, String key) {
        try {
            return ledger.claim(r.userId(), r.deviceId(), key);
        } catch (EJBException e) { // two first claims at once: the other one stored it
            return new SendLedger.Found(SendLedger.Claim.BUSY, 0);
        }
    }

    private SendStatus submit(SendRequest r, PhoneMessage phone, InternetAddress sendAs, boolean addFrom,
                              List<InternetAddress> recipients, long max) {
        Path originalFile = null;
        try (Outgoing out = Outgoing.create(); ImapLink imap = new ImapLink(connections, r.login())) {
            Optional<SourceMail> source = Optional.empty();
            MimeEntity original = null;
            if (r.kind() != SendRequest.Kind.NEW) {
                SendRequest.Source s = r.source() == null ? new SendRequest.Source(null, null, null, null) : r.source();
                source = sources.find(r.deviceId(), r.userId(), s.folderId(), s.itemId(), s.longId());
                if (!r.replaceMime()) {
                    if (source.isEmpty()) {
                        return SendStatus.ITEM_NOT_FOUND;
                    }
                    originalFile = Files.createTempFile("syncbridge-original", ".eml");
                    OptionalLong size = imap.fetch(source.get(), originalFile);
                    if (size.isEmpty()) {
                        return SendStatus.ITEM_NOT_FOUND;
                    }
                    if (size.getAsLong() + r.mime().length > max) {
                        return SendStatus.TOO_LARGE;
                    }
                    original = MimeEntity.message(MailBytes.map(originalFile), false);
                }
            }
            Composer composer = new Composer(phone);
            if (addFrom) {
                composer.field("From", sendAs.toString());
            }
            if (phone.root.field("Date").isEmpty()) {
                composer.field("Date", new MailDateFormat().format(new Date()));
            }
            if (phone.root.field("Message-ID").isEmpty()) {
                String domain = sendAs.getAddress().substring(sendAs.getAddress().indexOf('@') + 1);
                composer.field("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
            }
            if (original != null) {
                if (r.kind() == SendRequest.Kind.REPLY) {
                    composer.quote(Quote.reply(original));
                } else {
                    composer.quote(Quote.forward(original));
                    TextBodies.attachments(original).forEach(composer::attach);
                }
            }
            try (OutputStream o = out.output()) {
                composer.writeTo(o);
            }
            if (out.length() > max) {
                return SendStatus.TOO_LARGE;
            }
            SendStatus status = new SmtpSubmission(session).submit(r.login(), out, sendAs, recipients);
            if (status != SendStatus.SENT) {
                return status;
            }
            afterSubmission(r, out, imap, source);
            return SendStatus.SENT;
        } catch (InvalidMime e) {
            throw new IllegalStateException("a lenient read does not fail", e);
        } catch (MessagingException e) {
            throw new MailUnavailable("reading the original for " + r.login().login() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MailUnavailable("spooling a message of " + r.login().login() + " failed: " + e.getMessage(), e);
        } finally {
            if (originalFile != null) {
                try {
                    Files.deleteIfExists(originalFile);
                } catch (IOException e) {
                    originalFile.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The copy in Sent and the flag on the original: the mail is out, so a failure here is logged, not answered. */
    private void afterSubmission(SendRequest r, Outgoing out, ImapLink imap, Optional<SourceMail> source) {
        if (SendSettings.saveInSent(r.contextName(), r.saveInSentAsked())) {
            try {
                imap.appendSeen(folders.sentMailbox(r.userId(), r.login()), out, session);
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "Sent, but not kept in Sent for " + r.login().login() + ": " + e.getMessage(), e);
            }
        }
        if (source.isPresent()) {
            Flags flag = r.kind() == SendRequest.Kind.REPLY ? new Flags(Flags.Flag.ANSWERED) : new Flags(FORWARDED);
            try {
                if (!imap.flag(source.get(), flag)) {
                    LOG.info(() -> "Sent, but the original of " + r.login().login() + " is gone and was not flagged");
                }
            } catch (MessagingException | RuntimeException e) {
                LOG.log(Level.WARNING, "Sent, but the original of " + r.login().login() + " was not flagged: " + e.getMessage(), e);
            }
        }
    }

    private static InternetAddress address(Senders.Sender sender) {
        try {
            return sender.displayName() == null || sender.displayName().isBlank() ? new InternetAddress(sender.primary())
                    : new InternetAddress(sender.primary(), sender.displayName(), "UTF-8");
        } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
            throw new IllegalStateException("the user's primary address " + sender.primary() + " is no address", e);
        }
    }
}
