package org.syncbridge.mail.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The message part of a mail (MS-ASCON 2.2.2.1, MS-ASAIRS 2.2.2.10 BodyPart): what this mail itself says, without
 * the earlier mails of its conversation that it quotes, so a client showing the conversation does not show them twice.
 *
 * <p>The specifications name no way to find the message part (Exchange keeps its own conversation store); here it is
 * found by the marks mail programs put on what they quote. Where no mark is found the whole body is the message part.
 * That is our decision, not a rule of the specifications, which say nothing of a mail whose quote cannot be told apart:
 * it errs on the side of showing the earlier text once more rather than hiding any of the new.
 */
final class MessagePart {
    /** Elements that hold quoted mail, and the attributions above it, as mail programs mark them. */
    private static final String QUOTES = String.join(", ",
            "blockquote[type=cite]", // Apple Mail, iOS, Thunderbird, Roundcube, Evolution
            "div.moz-cite-prefix", // Thunderbird's "On ... wrote:" above its blockquote
            "div.gmail_quote", "blockquote.gmail_quote", // Gmail, with its attribution (gmail_attr) inside
            "div.yahoo_quoted"); // Yahoo Mail
    /** Where a mail program starts the earlier mail below the new text: from there to the end it is quoted. */
    private static final String REST = String.join(", ",
            "#appendonsend", "#divRplyFwdMsg", // Outlook on the web and mobile (an hr comes before the header)
            "#mail-editor-reference-message-container", // the new Outlook
            "#OLK_SRC_BODY_SECTION", // Outlook for Mac
            "div[style*=\"border-top:solid #E1E1E1\"]", "div[style*=\"border-top:solid #B5C4DF\"]"); // Outlook's header block
    /** Cheap test before any parsing: an HTML body without these words has no mark (lower case). */
    private static final List<String> HINTS = List.of("cite", "gmail_quote", "yahoo_quoted", "appendonsend", "divrplyfwdmsg",
            "mail-editor-reference-message-container", "olk_src_body_section", "border-top:solid #");
    /** Lines that start a forwarded or quoted original in plain text, in the languages mail programs most often write. */
    private static final Pattern ORIGINAL = Pattern.compile("(?i)^\\s*(-{3,}\\s*(original message|forwarded message|ursprüngliche "
            + "nachricht|weitergeleitete nachricht|message d'origine|message transféré|mensaje original|messaggio originale)"
            + "\\s*-{3,}|begin forwarded message:)\\s*$");

    private MessagePart() {
    }

    /** The HTML without the quoted earlier mail; the very same string when it has none. */
    static String html(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        if (HINTS.stream().noneMatch(lower::contains)) {
            return html;
        }
        Document document = Jsoup.parse(html);
        boolean cut = false;
        for (Element quote : document.select(QUOTES)) {
            quote.remove();
            cut = true;
        }
        Element rest = document.selectFirst(REST);
        if (rest != null) {
            cutFrom(rest);
            cut = true;
        }
        if (!cut) {
            return html;
        }
        document.outputSettings().prettyPrint(false);
        return document.outerHtml();
    }

    /** Removes the element and all that follows it in the document (an hr just before it too). */
    private static void cutFrom(Element start) {
        Element before = start.previousElementSibling();
        if (before != null && before.nameIs("hr")) {
            before.remove();
        }
        for (Element e = start; e != null && !e.nameIs("body") && !e.nameIs("html"); e = e.parent()) {
            while (e.nextSibling() != null) {
                e.nextSibling().remove();
            }
        }
        start.remove();
    }

    /**
     * Plain text without the quoted earlier mail: from a line that starts a quoted original on, and every line quoted
     * with '&gt;'; when the quote runs to the end, the attribution line above it ("... wrote:") goes too.
     */
    static String text(String text) {
        String[] lines = text.split("\r?\n", -1);
        List<String> kept = new ArrayList<>();
        int attribution = -1;
        boolean cut = false;
        boolean quoting = false;
        for (String line : lines) {
            if (ORIGINAL.matcher(line).matches()) {
                cut = true;
                quoting = true;
                break;
            }
            if (line.startsWith(">")) {
                if (!quoting) {
                    attribution = lastText(kept);
                }
                quoting = cut = true;
                continue;
            }
            if (!line.isBlank()) {
                quoting = false;
            }
            kept.add(line);
        }
        if (!cut) {
            return text;
        }
        if (quoting && attribution >= 0 && lastText(kept) == attribution && kept.get(attribution).stripTrailing().endsWith(":")) {
            kept.subList(attribution, kept.size()).clear();
        }
        return String.join("\n", kept).stripTrailing();
    }

    /** The index of the last line with text, or -1. */
    private static int lastText(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
