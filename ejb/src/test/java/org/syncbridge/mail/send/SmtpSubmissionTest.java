package org.syncbridge.mail.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.syncbridge.mail.MailLogin;
import org.syncbridge.mail.MailUnavailable;

/** The SMTP dialog against a scripted server: what it is sent, and what its refusals become. */
class SmtpSubmissionTest {

    /** An SMTP server on loopback for one session: answers each command as {@code answer} says, records the dialog. */
    static final class ScriptedSmtp implements AutoCloseable {
        final ServerSocket socket;
        final List<String> dialog = Collections.synchronizedList(new ArrayList<>());
        final StringBuilder data = new StringBuilder();
        final Thread thread;

        ScriptedSmtp(String ehlo, Function<String, String> answer) throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serve(ehlo, answer));
            thread.start();
        }

        private void serve(String ehlo, Function<String, String> answer) {
            try (Socket s = socket.accept(); BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                 OutputStream out = s.getOutputStream()) {
                out.write("220 test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                for (String line; (line = in.readLine()) != null; ) {
                    dialog.add(line);
                    String reply;
                    if (line.startsWith("EHLO")) {
                        reply = ehlo;
                    } else if (line.equals("DATA")) {
                        out.write("354 go\r\n".getBytes(StandardCharsets.US_ASCII));
                        for (String d; !(d = in.readLine()).equals("."); ) {
                            data.append(d).append("\r\n");
                        }
                        reply = answer.apply("DATA-END");
                    } else if (line.equals("QUIT")) {
                        out.write("221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                        return;
                    } else {
                        reply = answer.apply(line);
                    }
                    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                // the test sees what the dialog held
            }
        }

        Session session() {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(socket.getLocalPort()));
            return Session.getInstance(props);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5000);
        }
    }

    static SendStatus submit(ScriptedSmtp server, String message, String... to) throws Exception {
        SmtpSubmission smtp = new SmtpSubmission(server.session());
        List<InternetAddress> recipients = new ArrayList<>();
        for (String t : to) {
            recipients.add(new InternetAddress(t));
        }
        try (Outgoing out = Outgoing.create()) {
            try (OutputStream o = out.output()) {
                o.write(Mails.crlf(message));
            }
            return smtp.submit(new MailLogin("mia@example.org", "secret"), out, new InternetAddress("mia@example.org"), recipients);
        }
    }

    static final String MESSAGE = "From: mia@example.org\nTo: bob@example.org\nSubject: Hi\n\n.leading dot\nHello\n";

    @Test
    void theEnvelopeNamesEveryRecipientAndTheBytesGoAsTheyAreWithoutAuthWhereNoneIsOffered() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 test", line -> "250 ok")) {
            assertEquals(SendStatus.SENT, submit(server, MESSAGE, "bob@example.org", "secret@example.org"));
            server.close();
            assertTrue(server.dialog.contains("MAIL FROM:<mia@example.org>"), server.dialog.toString());
            assertTrue(server.dialog.contains("RCPT TO:<bob@example.org>"));
            assertTrue(server.dialog.contains("RCPT TO:<secret@example.org>"));
            assertTrue(server.dialog.stream().noneMatch(l -> l.startsWith("AUTH")), "the server offered no AUTH");
            assertEquals(new String(Mails.crlf(MESSAGE), StandardCharsets.UTF_8).replace("\n.leading", "\n..leading"), server.data.toString());
        }
    }

    @Test
    void theUserLogsInWithTheImapCredentialsWhereAuthIsOffered() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250-test\r\n250 AUTH PLAIN", line -> line.startsWith("AUTH") ? "235 ok" : "250 ok")) {
            assertEquals(SendStatus.SENT, submit(server, MESSAGE, "bob@example.org"));
            server.close();
            String plain = java.util.Base64.getEncoder().encodeToString("\0mia@example.org\0secret".getBytes(StandardCharsets.UTF_8));
            assertTrue(server.dialog.stream().anyMatch(l -> l.contains(plain)), server.dialog.toString());
        }
    }

    @Test
    void aRefusedRecipientFailsTheSubmissionAndATooLargeMessageSaysSo() throws Exception {
        try (ScriptedSmtp server = new ScriptedSmtp("250 test", line -> line.startsWith("RCPT TO:<nobody") ? "550 5.1.1 no such user" : "250 ok")) {
            assertEquals(SendStatus.SUBMISSION_FAILED, submit(server, MESSAGE, "bob@example.org", "nobody@example.org"));
        }
        try (ScriptedSmtp server = new ScriptedSmtp("250 test", line -> line.equals("DATA-END") ? "552 5.3.4 message too big" : "250 ok")) {
            assertEquals(SendStatus.TOO_LARGE, submit(server, MESSAGE, "bob@example.org"));
        }
        try (ScriptedSmtp server = new ScriptedSmtp("250-test\r\n250 SIZE 20", line -> "250 ok")) {
            assertEquals(SendStatus.TOO_LARGE, submit(server, MESSAGE, "bob@example.org"), "bigger than the SIZE the server announced");
            server.close();
            assertTrue(server.dialog.stream().noneMatch(l -> l.startsWith("MAIL")), "not even begun");
        }
    }

    @Test
    void anUnreachableServerIsTheMailServerBeingUnavailable() throws Exception {
        ScriptedSmtp gone = new ScriptedSmtp("250 test", line -> "250 ok");
        gone.close();
        assertThrows(MailUnavailable.class, () -> submit(gone, MESSAGE, "bob@example.org"));
    }
}
