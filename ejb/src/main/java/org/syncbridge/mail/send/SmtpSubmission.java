package org.syncbridge.mail.send;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailUnavailable;

/**
 * Hands a message to the SMTP server of the WildFly mail session java:jboss/mail/Syncbridge. It logs in as the user
 * with the credentials of the IMAP login, and only when the server offers AUTH; where the admin gave the mail session
 * its own SMTP account (mail.smtp.auth), that account is used. All recipients are accepted or none.
 */
final class SmtpSubmission {
    private static final Logger LOG = Logger.getLogger(SmtpSubmission.class.getName());

    private final Session session;

    SmtpSubmission(Session session) {
        this.session = session;
    }

    /** SENT, TOO_LARGE or SUBMISSION_FAILED (the server's reason logged); an unreachable server is {@link MailUnavailable}. */
    SendStatus submit(MailLogin login, Outgoing message, InternetAddress from, List<InternetAddress> recipients) throws IOException {
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            if ("true".equalsIgnoreCase(session.getProperty("mail.smtp.auth"))) {
                transport.connect();
            } else {
                transport.connect(login.login(), login.password());
            }
            String size = transport.getExtensionParameter("SIZE");
            if (size != null && size.trim().matches("[1-9][0-9]*") && message.length() > Long.parseLong(size.trim())) {
                LOG.info(() -> "Not submitted for " + login.login() + ": " + message.lengthText() + " is more than the SMTP server's SIZE " + size.trim());
                return SendStatus.TOO_LARGE;
            }
            transport.sendMessage(message.message(session, from.getAddress()), recipients.toArray(Address[]::new));
            LOG.fine(() -> "Submitted for " + login.login() + " to " + recipients.size() + " recipients: " + transport.getLastServerResponse());
            return SendStatus.SENT;
        } catch (AuthenticationFailedException e) {
            LOG.warning(() -> "The SMTP server refused the login of " + login.login() + ": " + e.getMessage());
            return SendStatus.SUBMISSION_FAILED;
        } catch (SendFailedException e) {
            int code = replyCode(e);
            LOG.warning(() -> "The SMTP server refused the message of " + login.login() + " (" + code + "): " + reasons(e));
            return code == 552 || code == 523 ? SendStatus.TOO_LARGE : SendStatus.SUBMISSION_FAILED;
        } catch (MessagingException e) {
            if (unreachable(e)) {
                throw new MailUnavailable("the SMTP server cannot be reached: " + e.getMessage(), e);
            }
            LOG.warning(() -> "Submitting the message of " + login.login() + " failed: " + e.getMessage());
            return SendStatus.SUBMISSION_FAILED;
        }
    }

    /** The SMTP reply code of the refusal, or of the first refused recipient; 0 when none is known. */
    private static int replyCode(SendFailedException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
        }
        return 0;
    }

    private static String reasons(SendFailedException e) {
        StringBuilder all = new StringBuilder(String.valueOf(e.getMessage()).trim());
        for (Exception x = e.getNextException(); x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            all.append(" / ").append(String.valueOf(x.getMessage()).trim());
        }
        return all.toString();
    }

    private static boolean unreachable(MessagingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
