package org.syncbridge.mail.send;

import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.syncbridge.mail.message.PlainText;

/**
 * What a SmartReply or SmartForward adds of the original to the phone's text: a reply quotes it below an
 * attribution line, a forward shows it below the original's From, Date, Subject, To and Cc.
 *
 * @param html  for an HTML body; ASCII only (other characters as character references), so it fits any charset
 *              that writes ASCII as ASCII without re-encoding the body around it
 * @param plain for a plain-text body, CRLF line ends
 */
record Quote(String html, String plain) {
    private static final String CRLF = "\r\n";

    static Quote reply(MimeEntity original) throws IOException {
        Map<String, String> h = headers(original);
        String attribution = "On " + h.getOrDefault("Date", "an earlier day") + ", " + h.getOrDefault("From", "someone") + " wrote:";
        Text text = Text.of(original);
        StringBuilder plain = new StringBuilder(CRLF).append(CRLF).append(attribution).append(CRLF);
        for (String line : text.plain().split("\r?\n", -1)) {
            plain.append(line.startsWith(">") ? ">" : "> ").append(line).append(CRLF);
        }
        String html = "<br>" + CRLF + "<div>" + escape(attribution) + "</div>" + CRLF
                + "<blockquote type=\"cite\" style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">" + CRLF
                + text.html() + CRLF + "</blockquote>" + CRLF;
        return new Quote(html, plain.toString());
    }

    static Quote forward(MimeEntity original) throws IOException {
        Map<String, String> h = headers(original);
        StringBuilder plain = new StringBuilder(CRLF).append(CRLF).append("---------- Forwarded message ----------").append(CRLF);
        StringBuilder html = new StringBuilder("<br>").append(CRLF).append("<div>---------- Forwarded message ----------<br>").append(CRLF);
        for (Map.Entry<String, String> e : h.entrySet()) {
            plain.append(e.getKey()).append(": ").append(e.getValue()).append(CRLF);
            html.append(e.getKey()).append(": ").append(escape(e.getValue())).append("<br>").append(CRLF);
        }
        Text text = Text.of(original);
        plain.append(CRLF).append(text.plain().replaceAll("\r?\n", CRLF)).append(CRLF);
        html.append("</div><br>").append(CRLF).append(text.html()).append(CRLF);
        return new Quote(html.toString(), plain.toString());
    }

    /** From, Date, Subject, To and Cc of the original, decoded, in that order; those it lacks are left out. */
    private static Map<String, String> headers(MimeEntity original) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : new String[] {"From", "Date", "Subject", "To", "Cc"}) {
            original.field(name).ifPresent(f -> shown.put(name, decoded(f.value().trim())));
        }
        return shown;
    }

    private static String decoded(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    private static Document.OutputSettings ascii() {
        return new Document.OutputSettings().charset(StandardCharsets.US_ASCII).prettyPrint(false)
                .escapeMode(Entities.EscapeMode.base);
    }

    static String escape(String text) {
        return Entities.escape(text, ascii());
    }

    /** The original's text both ways: its HTML body's content (scripts removed), and its plain text. */
    private record Text(String html, String plain) {
        static Text of(MimeEntity original) throws IOException {
            TextBodies bodies = TextBodies.of(original);
            String html = bodies.html() == null ? null : LeafText.text(bodies.html());
            String plain = bodies.plain() == null ? null : LeafText.text(bodies.plain());
            if (plain == null) {
                plain = html == null ? "" : PlainText.ofHtml(html);
            }
            String htmlContent;
            if (html != null) {
                Document doc = Jsoup.parse(html);
                doc.select("script").remove();
                doc.outputSettings(ascii());
                htmlContent = doc.body().html();
            } else {
                htmlContent = "<div style=\"white-space:pre-wrap\">" + escape(plain).replaceAll("\r?\n", "<br>" + CRLF) + "</div>";
            }
            return new Text(htmlContent, plain);
        }
    }
}
