package org.syncbridge.mail.message;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MailHtmlTextTest {

    private static String text(String html) throws Exception {
        StringWriter out = new StringWriter();
        HtmlText.convert(new StringReader(html), out);
        return out.toString();
    }

    @Test
    void blocksBreaksWhitespaceAndHiddenContent() throws Exception {
        String html = """
                <!DOCTYPE html>
                <html><head><title>Title</title><style>p { color: red }</style>
                <script>var x = "<p>not text</p>";</script></head>
                <body><h1>Café News</h1><p>First   paragraph
                with a line break inside.</p><p>Fish &amp; chips&nbsp;for €5<br>next line</p>
                <ul><li>one</li><li>two</li></ul>
                <table><tr><td>A1</td><td>B1</td></tr><tr><td>A2</td><td>B2</td></tr></table>
                <pre>  keep   this
                    indented</pre>
                <div>last <b>bold</b> word</div></body></html>
                """;
        assertEquals("Café News\n\nFirst paragraph with a line break inside.\n\nFish & chips for €5\nnext line\n\n"
                + "one\ntwo\n\nA1 B1\nA2 B2\n\n  keep   this\n    indented\n\nlast bold word", text(html));
    }

    @Test
    void textAroundNestedElementsKeepsItsOrder() throws Exception {
        assertEquals("abcde\n\nf", text("<p>a<b>b<i>c</i>d</b>e</p>f"));
        assertEquals("x y z", text("x <span>y</span> z"));
        assertEquals("before\nafter", text("before<div>after</div>"));
        assertEquals("a\n\nb", text("a<br><br><br>b"));
        assertEquals("logo text", text("<img alt=\"logo\"> text"));
    }

    @Test
    void aLongDocumentComesOutWholeAndInOrder() throws Exception {
        StringBuilder html = new StringBuilder("<html><body><div>");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            html.append("<p>paragraph <b>").append(i).append("</b> end</p>\n");
            expected.append(i == 0 ? "" : "\n\n").append("paragraph ").append(i).append(" end");
        }
        html.append("</div></body></html>");
        assertEquals(expected.toString(), text(html.toString()));
    }

    @Test
    void unclosedAndBrokenMarkupStillGivesItsText() throws Exception {
        assertEquals("one\n\ntwo three", text("<p>one<p>two <b>three"));
        assertEquals("a < b", text("a &lt; b"));
        assertEquals("", text(""));
    }
}
