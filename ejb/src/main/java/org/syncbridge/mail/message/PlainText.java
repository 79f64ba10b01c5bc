package org.syncbridge.mail.message;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The plain text of an HTML body, as the Sync's plain-text bodies show it, for code outside this package. */
public final class PlainText {

    private PlainText() {
    }

    public static String ofHtml(String html) {
        StringWriter out = new StringWriter();
        try {
            HtmlText.convert(new StringReader(html), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader and a StringWriter do not fail
        }
        return out.toString();
    }
}
