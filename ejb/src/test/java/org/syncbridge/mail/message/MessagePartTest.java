package org.syncbridge.mail.message;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message part as mail programs mark what they quote: each one's reply shape, and mails that quote nothing. */
class MessagePartTest {

    private static void assertOnlyNewText(String reply, String program) {
        String part = MessagePart.html(reply);
        assertTrue(part.contains("Neue Antwort: passt."), program + ": the new text stays: " + part);
        assertFalse(part.contains("Alte Frage"), program + ": the quoted mail goes: " + part);
        assertFalse(part.contains("schrieb") || part.contains("wrote") || part.contains("From:") || part.contains("Von:"),
                program + ": its attribution goes: " + part);
    }

    @Test
    void thunderbirdsCitePrefixAndBlockquote() {
        assertOnlyNewText("""
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
                <p>Neue Antwort: passt.</p>
                <div class="moz-cite-prefix">Am 12.11.25 um 17:40 schrieb Anna Schmidt:<br></div>
                <blockquote type="cite" cite="mid:8b0f@example.org"><p>Alte Frage?</p></blockquote>
                </body></html>""", "Thunderbird");
    }

    @Test
    void appleMailsCitedAttributionAndQuote() {
        assertOnlyNewText("""
                <html><body dir="auto"><div dir="ltr">Neue Antwort: passt.</div><div dir="ltr"><br>
                <blockquote type="cite">On 12. Nov 2025, at 17:40, Anna Schmidt &lt;anna@example.org&gt; wrote:<br><br></blockquote></div>
                <blockquote type="cite"><div dir="ltr">Alte Frage?</div></blockquote></body></html>""", "Apple Mail");
    }

    @Test
    void gmailsQuoteWithItsAttribution() {
        assertOnlyNewText("""
                <div dir="ltr">Neue Antwort: passt.</div><br><div class="gmail_quote gmail_quote_container">
                <div dir="ltr" class="gmail_attr">Am Mi., 12. Nov. 2025 um 17:40 Uhr schrieb Anna &lt;anna@example.org&gt;:<br></div>
                <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Alte Frage?</blockquote></div>""", "Gmail");
    }

    @Test
    void outlookOnTheWebFromItsMarkToTheEnd() {
        assertOnlyNewText("""
                <html><body><div class="elementToProof">Neue Antwort: passt.</div><div id="appendonsend"></div>
                <hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr">
                <font face="Calibri"><b>From:</b> Anna Schmidt<br><b>Sent:</b> Wednesday</font></div>
                <div><p>Alte Frage?</p></div></body></html>""", "Outlook on the web");
    }

    @Test
    void outlookForWindowsFromItsHeaderBlockToTheEnd() {
        assertOnlyNewText("""
                <html><body lang="DE"><div class="WordSection1"><p class="MsoNormal">Neue Antwort: passt.</p>
                <p class="MsoNormal">&nbsp;</p><div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
                <p class="MsoNormal"><b>Von:</b> Anna Schmidt<br><b>Gesendet:</b> Mittwoch</p></div></div>
                <p class="MsoNormal">Alte Frage?</p></div></body></html>""", "Outlook for Windows");
    }

    @Test
    void aMailThatQuotesNothingIsItsOwnMessagePartUnchanged() {
        String html = "<!DOCTYPE html><html><body><p>Hallo,<br>  kein Zitat, auch kein <cite>Titel</cite>.</p></body></html>";
        assertSame(html, MessagePart.html(html), "not even re-serialised: the same HTML as the Body's");
        String newsletter = "<html><body><h1>News</h1><blockquote>a quotation, not a quoted mail</blockquote></body></html>";
        assertSame(newsletter, MessagePart.html(newsletter));
    }

    @Test
    void plainTextWithoutItsQuotedLinesAndAttribution() {
        assertEquals("Neue Antwort: passt.\n\nGruß\nBob", MessagePart.text(
                "Neue Antwort: passt.\r\n\r\nGruß\r\nBob\r\n\r\nOn Wed, 12 Nov 2025, Anna Schmidt wrote:\r\n> Alte Frage?\r\n>\r\n> Anna\r\n"));
        assertEquals("Anna schrieb:\nAntwort eins\nAntwort zwei", MessagePart.text(
                "Anna schrieb:\n> Frage eins\nAntwort eins\n> Frage zwei\nAntwort zwei"),
                "answers in between the quotes stay, and so does the attribution of a quote that does not run to the end");
        assertEquals("Siehe unten.", MessagePart.text("Siehe unten.\n\n-----Original Message-----\nFrom: Anna\nAlte Frage?\n"));
        assertEquals("Bitte weiterleiten:", MessagePart.text("Bitte weiterleiten:\n\n---------- Forwarded message ---------\nVon: Anna\n"),
                "a line above a forwarded original is the writer's own");
        String plain = "Kein Zitat.\r\nZwei Zeilen: 3 > 2\r\n";
        assertSame(plain, MessagePart.text(plain));
    }
}
