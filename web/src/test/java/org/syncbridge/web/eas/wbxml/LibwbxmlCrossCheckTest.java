package org.syncbridge.web.eas.wbxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec against an independent one, Debian's libwbxml: it must read every tag, every captured body
 * and opaque data as the codec does, but for the differences documented in {@code libwbxml-differences.txt}.
 * The tools are installed before the tests (ensure-libwbxml.sh); without them these tests fail.
 */
class LibwbxmlCrossCheckTest {
    private static final byte[] OPAQUE = "abc".getBytes(StandardCharsets.US_ASCII);

    /** The first tag token of a code page. */
    private static final int FIRST = 0x05;

    private final Libwbxml libwbxml = new Libwbxml();

    @TempDir
    Path work;

    /** One document a page, holding every tag of the page with opaque content. */
    @Test
    void everyTagOfEveryPageAsLibwbxmlNamesItAndPrintsItsOpaqueData() throws IOException {
        List<String> differences = new ArrayList<>();
        for (int page = 0; page < CodePages.pageCount(); page++) {
            List<Element> tags = new ArrayList<>();
            for (Tag tag : CodePages.all()) {
                if (tag.page() == page) {
                    tags.add(Element.opaque(tag, OPAQUE));
                }
            }
            if (tags.isEmpty()) {
                continue; // AirNotify
            }
            Element document = Element.of(tags.get(0).tag(), tags);
            differences.addAll(libwbxml.differences(document, Libwbxml.wbxml2xml(write(document), work)));
        }
        assertEquals(List.of(), differences);
        assertEquals(Set.of(), libwbxml.unused("namespace", "name", "base64"),
                "documented differences libwbxml no longer has");
    }

    /**
     * Every token libwbxml names on a page, sent as one document a page: those missing from the code pages must be
     * documented as tokens MS-ASWBXML does not list, so a token libwbxml knows cannot drop out of code-pages.txt
     * unnoticed, nor one be documented as missing that the code pages have.
     */
    @Test
    void everyTokenLibwbxmlKnowsIsInTheCodePagesOrDocumentedAsNotInTheSpec() throws IOException {
        List<String> undocumented = new ArrayList<>();
        for (int page = 0; page < CodePages.pageCount(); page++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(Tokens.HEADER);
            body.write(new byte[] {Tokens.SWITCH_PAGE, (byte) page, (byte) (FIRST | Tokens.WITH_CONTENT)});
            for (int token = FIRST; token < CodePages.TOKENS; token++) {
                body.write(token); // an empty element
            }
            body.write(Tokens.END);
            org.w3c.dom.Element root = Libwbxml.wbxml2xml(Files.write(work.resolve("tokens.wbxml"), body.toByteArray()),
                    work);
            List<org.w3c.dom.Element> children = Libwbxml.children(root);
            assertEquals(CodePages.TOKENS - FIRST, children.size(), "page " + page);
            for (int token = FIRST; token < CodePages.TOKENS; token++) {
                String name = children.get(token - FIRST).getLocalName();
                if (!name.equals(Libwbxml.UNKNOWN) && CodePages.tag(page, token) == null
                        && !name.equals(libwbxml.extra(page, token))) {
                    undocumented.add(String.format("%s %02X %s", CodePages.namespace(page), token, name));
                }
            }
        }
        assertEquals(List.of(), undocumented, "tokens libwbxml knows that neither code-pages.txt nor"
                + " libwbxml-differences.txt has");
        assertEquals(Set.of(), libwbxml.unused("extra"), "documented as missing, but libwbxml no longer has them"
                + " or the code pages have them");
    }

    @Test
    void everyCapturedBodyReadsAsLibwbxmlReadsIt() throws IOException, MalformedWbxml {
        List<String> differences = new ArrayList<>();
        for (Path body : Captures.bodies()) {
            for (String difference : libwbxml.differences(Captures.decode(body), Libwbxml.wbxml2xml(body, work))) {
                differences.add(Captures.name(body) + ": " + difference);
            }
        }
        assertEquals(List.of(), differences);
    }

    /**
     * The captures' XML renderings, encoded by libwbxml, with and without a string table. Small bodies only:
     * libwbxml builds its string table in quadratic time (the 200 KB big-email body takes over ten minutes).
     */
    @Test
    void bodiesLibwbxmlEncodesDecodeToTheSameTree() throws IOException, MalformedWbxml {
        List<String> withStringTables = new ArrayList<>();
        for (String capture : List.of(
                "gs2-exchange-deleteAMovedOccurrenceWhenTzChanges/006-Sync-response",
                "gsGN-exchange-create-full-contact/001-Sync-request",
                "gs3-exchange-create-contacts/006-FolderSync-response",
                "ios6-exchange-receive200Emails/010-Provision-response",
                "ios6-exchange-receive200Emails/012-Settings-request",
                "ios6-exchange-receive200Emails/026-Sync-response")) {
            Path xml = Captures.directory().resolve(capture + ".xml");
            Element expected = Libwbxml.readBack(Captures.decode(Captures.directory().resolve(capture + ".wbxml")));

            byte[] inline = Libwbxml.xml2wbxml(xml, false, work);
            assertArrayEquals(new byte[] {3, 1, 0x6A, 0}, java.util.Arrays.copyOf(inline, 4), capture);
            assertEquals(expected, Captures.decode(inline), capture);

            byte[] withTable = Libwbxml.xml2wbxml(xml, true, work);
            assertEquals(expected, Captures.decode(withTable), capture);
            if (withTable[3] != 0) {
                withStringTables.add(capture); // libwbxml found strings worth a table: read through STR_T
            }
        }
        assertEquals(List.of("gs2-exchange-deleteAMovedOccurrenceWhenTzChanges/006-Sync-response",
                "ios6-exchange-receive200Emails/026-Sync-response"), withStringTables);
    }

    private Path write(Element document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WbxmlWriter(out).element(document).finish();
        return Files.write(work.resolve("codec.wbxml"), out.toByteArray());
    }
}
