package org.syncbridge.mail.message;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The plain text of an HTML body, streamed: jsoup's {@link StreamParser} hands over each element as it closes; its
 * text (and the text before it) is written out and the element removed, so only the open elements stay in memory
 * however long the HTML is.
 */
final class HtmlText {
    private static final Set<String> SKIPPED = Set.of("head", "title", "script", "style", "template", "noscript",
            "object", "svg", "math");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "table",
            "blockquote", "pre", "ul", "ol", "dl", "hr", "address", "figure");
    private static final Set<String> BLOCKS = Set.of("div", "li", "tr", "dt", "dd", "section", "article", "header",
            "footer", "nav", "aside", "main", "form", "fieldset", "center", "caption", "body");

    private final TextLayout layout;
    private final Set<Element> started = Collections.newSetFromMap(new IdentityHashMap<>());

    private HtmlText(Writer out) {
        this.layout = new TextLayout(out);
    }

    static void convert(Reader html, Writer out) throws IOException {
        HtmlText text = new HtmlText(out);
        try (StreamParser parser = new StreamParser(Parser.htmlParser()).parse(html, "")) {
            Iterator<Element> closed = parser.iterator();
            while (closed.hasNext()) {
                text.closed(closed.next());
            }
            text.rest(parser.document());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** An element closed: write the text before it that is still waiting, then its own, then drop it. */
    private void closed(Element element) throws IOException {
        List<Element> path = new ArrayList<>();
        for (Element e = element; e != null; e = e.parent()) {
            path.add(0, e);
        }
        boolean skip = false;
        for (int i = 0; i < path.size() - 1; i++) {
            Element ancestor = path.get(i);
            skip |= SKIPPED.contains(ancestor.normalName());
            if (!skip) {
                start(ancestor);
            }
            for (Node before : new ArrayList<>(ancestor.childNodes())) {
                if (before == path.get(i + 1)) {
                    break;
                }
                if (!skip) {
                    write(before);
                }
                before.remove();
            }
        }
        if (!skip && !SKIPPED.contains(element.normalName())) {
            write(element);
        }
        started.remove(element);
        if (element.parent() != null) {
            element.remove();
        }
    }

    /** What remains once the input ends: the root's waiting text. */
    private void rest(Element root) throws IOException {
        for (Node node : new ArrayList<>(root.childNodes())) {
            write(node);
            node.remove();
        }
    }

    private void write(Node node) throws IOException {
        if (node instanceof TextNode t) {
            layout.text(t.getWholeText(), inPre(t));
        } else if (node instanceof Element e) {
            if (SKIPPED.contains(e.normalName())) {
                return;
            }
            start(e);
            for (Node child : e.childNodes()) {
                write(child);
            }
            end(e);
            started.remove(e);
        }
        // DataNodes (script, style) and comments are not text
    }

    private void start(Element e) {
        if (!started.add(e)) {
            return;
        }
        String name = e.normalName();
        if (name.equals("br")) {
            layout.lineBreak();
        } else if (PARAGRAPHS.contains(name)) {
            layout.paragraph();
        } else if (BLOCKS.contains(name)) {
            layout.block();
        }
    }

    private void end(Element e) throws IOException {
        String name = e.normalName();
        if (PARAGRAPHS.contains(name)) {
            layout.paragraph();
        } else if (BLOCKS.contains(name)) {
            layout.block();
        } else if (name.equals("td") || name.equals("th")) {
            layout.text(" ", false);
        } else if (name.equals("img") && !e.attr("alt").isBlank()) {
            layout.text(e.attr("alt"), false);
        }
    }

    private static boolean inPre(Node node) {
        for (Element e = node.parent() instanceof Element p ? p : null; e != null; e = e.parent()) {
            if (e.normalName().equals("pre") || e.normalName().equals("textarea")) {
                return true;
            }
        }
        return false;
    }
}
