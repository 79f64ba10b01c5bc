package org.syncbridge.mail.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's body as plain text or HTML, written as a stream of characters: from its own text part where it has
 * one, converted from the other one where not. Nothing here holds a whole part.
 */
final class BodyForms {
    /** how far into an HTML body a charset declaration is looked for, and rewritten */
    private static final int HEAD = 8192;
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)(<meta\\b[^>]*?charset\\s*=\\s*[\"']?)([-\\w.:]+)");
    private static final String HTML_START =
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body>";
    private static final String HTML_END = "</body></html>";

    private final MessageStructure structure;

    BodyForms(MessageStructure structure) {
        this.structure = structure;
    }

    /** The text/plain part, else the text of the HTML part, else nothing. */
    void plain(Writer out) throws MessagingException, IOException {
        if (structure.plain != null) {
            try (Reader in = Parts.text(structure.plain)) {
                in.transferTo(out);
            }
        } else if (structure.html != null) {
            try (Reader in = htmlReader(structure.html)) {
                HtmlText.convert(in, out);
            }
        }
    }

    /**
     * The text/html part (its charset declaration now saying UTF-8, which is what the client gets), else the plain
     * text escaped into a minimal HTML page, else nothing.
     */
    void html(Writer out) throws MessagingException, IOException {
        if (structure.html != null) {
            try (Reader in = htmlReader(structure.html)) {
                char[] head = new char[HEAD];
                int n = in.read(head, 0, HEAD), total = 0;
                while (n > 0 && (total += n) < HEAD) {
                    n = in.read(head, total, HEAD - total);
                }
                String start = new String(head, 0, total);
                Matcher m = META_CHARSET.matcher(start);
                out.write(m.find() ? start.substring(0, m.start(2)) + "utf-8" + start.substring(m.end(2)) : start);
                in.transferTo(out);
            }
        } else if (structure.plain != null) {
            try (Reader in = Parts.text(structure.plain)) {
                page(in, out);
            }
        }
    }

    /** Whether the HTML form is the message's own HTML part (else it is made from its text, or empty). */
    boolean hasHtml() {
        return structure.html != null;
    }

    /** Whether the message has body text at all, in either form. */
    boolean hasText() {
        return structure.html != null || structure.plain != null;
    }

    /** Plain text as the minimal HTML page {@link #html} makes of a text-only message. */
    static void page(Reader text, Writer out) throws IOException {
        out.write(HTML_START);
        escape(text, out);
        out.write(HTML_END);
    }

    private static void escape(Reader in, Writer out) throws IOException {
        char[] buffer = new char[8192];
        boolean cr = false;
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n' && cr) {
                    cr = false;
                    continue; // the LF of a CRLF
                }
                cr = c == '\r';
                switch (c) {
                    case '&' -> out.write("&amp;");
                    case '<' -> out.write("&lt;");
                    case '>' -> out.write("&gt;");
                    case '"' -> out.write("&quot;");
                    case '\r', '\n' -> out.write("<br>\n");
                    default -> out.write(c);
                }
            }
        }
    }

    /** An HTML part's text: its charset from Content-Type, else from a meta tag near its start (as browsers do). */
    private static Reader htmlReader(Part part) throws MessagingException, IOException {
        InputStream in = new BufferedInputStream(Parts.decoded(part), HEAD);
        Charset charset;
        if (Parts.typeParameter(part, "charset") != null) {
            charset = Parts.charset(part);
        } else {
            in.mark(1024);
            String start = new String(in.readNBytes(1024), StandardCharsets.ISO_8859_1);
            in.reset();
            Matcher m = META_CHARSET.matcher(start);
            charset = m.find() ? EncodedWords.charset(m.group(2)) : Parts.charset(part);
        }
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
