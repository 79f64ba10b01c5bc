package org.syncbridge.bench.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Synthetic mail shaped like an Inbox's: message n of an account is always the same bytes. Most are
 * multipart/alternative (plain text and HTML) of a few KB, a third plain-text replies, some long HTML newsletters
 * (beyond a 32 KB truncation), and one in ten carries a PDF or JPEG attachment of 8 to 120 KB. Dates rise with n and
 * the old mail is read, the newest partly unread, a few flagged. The subject names the number, so a phone's copy can
 * be checked against it.
 */
public final class MailCorpus {
    static final String MARKER = "Message #";
    private static final Duration SPAN = Duration.ofDays(3 * 365);
    private static final Duration MAX_SPACING = Duration.ofHours(8);
    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final String[] WORDS = ("meeting project report budget review draft schedule team customer release update "
            + "invoice contract deadline agenda minutes proposal feedback question answer server backup migration travel "
            + "Grüße Müller Straße naïve café offer order shipment delivery quarter numbers plan call office holiday").split(" ");
    /** Subjects stay ASCII: raw 8-bit header text has no charset, and the check compares them exactly. */
    private static final String[] SUBJECT_WORDS = java.util.Arrays.stream(WORDS).filter(w -> w.chars().allMatch(c -> c < 128))
            .toArray(String[]::new);
    private static final String[] NAMES = {"Anna Berg", "Jonas Weber", "Mia Schulz", "Lukas Fischer", "Emma Wagner", "Paul Becker",
        "Sofia Hoffmann", "Noah Koch", "Lea Richter", "Ben Klein", "Marie Wolf", "Elias Neumann", "Hanna Schwarz", "Felix Zimmermann"};

    private final String to;
    private final Instant newest;
    private final int total;

    /** The mail of {@code to}: {@code total} messages, the last of them dated {@code newest}. */
    public MailCorpus(String to, Instant newest, int total) {
        this.to = to;
        this.newest = newest;
        this.total = total;
    }

    /** One message as it lies in the maildir; {@code bytes} has LF line ends. */
    public record Message(int n, String subject, Instant date, byte[] bytes, int attachments, boolean seen, boolean flagged,
                          boolean answered) {
        /** The maildir info flags (":2," and the letters in ASCII order). */
        public String maildirFlags() {
            return ":2," + (flagged ? "F" : "") + (answered ? "R" : "") + (seen ? "S" : "");
        }

        /** RFC 5322 size with CRLF line ends, as IMAP reports it (maildir's W=). */
        public long virtualSize() {
            long lf = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lf++;
                }
            }
            return bytes.length + lf;
        }
    }

    public static String subject(int n) {
        SplittableRandom r = new SplittableRandom(n * 31L + 7);
        StringBuilder s = new StringBuilder("Bench mail #").append(n).append(':');
        for (int i = 3 + r.nextInt(4); i > 0; i--) {
            s.append(' ').append(SUBJECT_WORDS[r.nextInt(SUBJECT_WORDS.length)]);
        }
        return s.toString();
    }

    /** Message n of the folder (0 the oldest); n at or beyond {@code total} is new mail, dated {@code date}. */
    public Message message(int n) {
        Duration spacing = SPAN.dividedBy(Math.max(1, total)).compareTo(MAX_SPACING) < 0 ? SPAN.dividedBy(Math.max(1, total)) : MAX_SPACING;
        Instant date = n < total ? newest.minus(spacing.multipliedBy(total - 1L - n)).plusMillis(jitter(n, spacing)) : newest;
        return message(n, date);
    }

    /** A message with an explicit date (new mail delivered during a run). */
    public Message message(int n, Instant date) {
        SplittableRandom r = new SplittableRandom(0x5EED_0000L + n);
        int fromAge = total - 1 - n; // 0 for the newest of the loaded mail
        boolean seen = fromAge < 0 ? false : fromAge < 30 ? r.nextInt(10) < 3 : r.nextInt(100) < 97;
        boolean flagged = r.nextInt(100) < 2;
        boolean answered = seen && r.nextInt(10) == 0;
        String subject = subject(n);
        String sender = NAMES[r.nextInt(NAMES.length)];
        String from = "\"" + sender + "\" <" + sender.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.org>";
        StringBuilder m = new StringBuilder(8192);
        String when = RFC_5322.format(date.atOffset(ZoneOffset.ofHours(1)));
        m.append("Return-Path: <").append(sender.toLowerCase(Locale.ROOT).replace(' ', '.')).append("@example.org>\n")
                .append("Delivered-To: ").append(to).append('\n')
                .append("Received: from mx1.example.org (mx1.example.org [192.0.2.25])\n\tby mail.bench.invalid with ESMTPS id ")
                .append(Long.toHexString(r.nextLong())).append("\n\tfor <").append(to).append(">; ").append(when).append('\n')
                .append("Message-ID: <").append(n).append('.').append(Long.toHexString(r.nextLong())).append("@example.org>\n")
                .append("Date: ").append(when).append('\n')
                .append("From: ").append(from).append('\n')
                .append("To: ").append(to).append('\n');
        if (r.nextInt(4) == 0) {
            String cc = NAMES[r.nextInt(NAMES.length)];
            m.append("Cc: \"").append(cc).append("\" <").append(cc.toLowerCase(Locale.ROOT).replace(' ', '.')).append("@example.org>\n");
        }
        if (r.nextInt(3) == 0 && n > 0) {
            m.append("In-Reply-To: <").append(n - 1).append(".reply@example.org>\nReferences: <").append(n - 1).append(".reply@example.org>\n");
        }
        m.append("Subject: ").append(subject).append('\n').append("MIME-Version: 1.0\n");
        int kind = r.nextInt(100);
        String text = text(r, n, kind < 5 ? 1500 : 300 + r.nextInt(r.nextBoolean() ? 1200 : 5000));
        int attachments = 0;
        if (kind < 5) { // a newsletter: long HTML
            alternative(m, r, text, html(r, n, 20_000 + r.nextInt(40_000)));
        } else if (kind < 15) {
            attachments = 1;
            String boundary = "mixed-" + Long.toHexString(r.nextLong());
            m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n\n");
            m.append("--").append(boundary).append('\n');
            alternative(m, r, text, html(r, n, text.length() * 2));
            m.append("--").append(boundary).append('\n');
            attachment(m, r, n);
            m.append("--").append(boundary).append("--\n");
        } else if (kind < 45) {
            m.append("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n").append(text);
        } else {
            alternative(m, r, text, html(r, n, text.length() * 2));
        }
        return new Message(n, subject, date, m.toString().getBytes(StandardCharsets.UTF_8), attachments, seen, flagged, answered);
    }

    private static long jitter(int n, Duration spacing) {
        long half = Math.max(1, spacing.toMillis() / 2);
        return new SplittableRandom(n * 17L + 3).nextLong(half);
    }

    private static void alternative(StringBuilder m, SplittableRandom r, String text, String html) {
        String boundary = "alt-" + Long.toHexString(r.nextLong());
        m.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\n\n")
                .append("--").append(boundary).append("\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
                .append(text).append("\n--").append(boundary).append("\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
                .append(html).append("\n--").append(boundary).append("--\n");
    }

    private static void attachment(StringBuilder m, SplittableRandom r, int n) {
        boolean pdf = r.nextBoolean();
        byte[] data = new byte[8_000 + r.nextInt(112_000)];
        r.nextBytes(data); // as incompressible as a real PDF or JPEG
        m.append("Content-Type: ").append(pdf ? "application/pdf" : "image/jpeg").append("; name=\"").append(pdf ? "report-" : "photo-")
                .append(n).append(pdf ? ".pdf" : ".jpg").append("\"\nContent-Disposition: attachment; filename=\"").append(pdf ? "report-" : "photo-")
                .append(n).append(pdf ? ".pdf" : ".jpg").append("\"\nContent-Transfer-Encoding: base64\n\n");
        String encoded = Base64.getEncoder().encodeToString(data);
        for (int i = 0; i < encoded.length(); i += 76) {
            m.append(encoded, i, Math.min(encoded.length(), i + 76)).append('\n');
        }
    }

    /** Plain text of about {@code length} characters in lines of at most 72, starting with the marker. */
    private static String text(SplittableRandom r, int n, int length) {
        StringBuilder t = new StringBuilder(length + 100).append("Hello,\n\n").append(MARKER).append(n).append(".\n");
        int line = 0;
        while (t.length() < length) {
            String w = WORDS[r.nextInt(WORDS.length)];
            if (line + w.length() > 72) {
                t.append('\n');
                line = 0;
            } else if (line > 0) {
                t.append(' ');
                line++;
            }
            t.append(w);
            line += w.length();
        }
        return t.append("\n\nRegards\n").toString();
    }

    private static String html(SplittableRandom r, int n, int length) {
        StringBuilder h = new StringBuilder(length + 200).append("<html><head><style>p{font-family:Arial,sans-serif;font-size:14px}</style></head>"
                + "<body>\n<p>Hello,</p>\n<p>").append(MARKER).append(n).append(".</p>\n");
        while (h.length() < length) {
            h.append("<p>").append(String.join(" ", words(r, 20, 60))).append("</p>\n");
            if (r.nextInt(8) == 0) {
                h.append("<table><tr><td><b>").append(WORDS[r.nextInt(WORDS.length)]).append("</b></td><td>").append(r.nextInt(100_000))
                        .append("</td></tr></table>\n");
            }
        }
        return h.append("<p>Regards</p>\n</body></html>").toString();
    }

    private static String[] words(SplittableRandom r, int min, int max) {
        String[] w = new String[min + r.nextInt(max - min + 1)];
        for (int i = 0; i < w.length; i++) {
            w[i] = WORDS[r.nextInt(WORDS.length)];
        }
        return w;
    }
}
