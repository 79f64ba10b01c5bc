package org.syncbridge.web.eas.wbxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every captured body decodes, and re-encoding the tree gives the captured bytes back. The captures hold
 * no construct the encoder writes differently (WbxmlDecoderTest covers those: content flags on empty
 * elements, string tables, split strings, redundant page switches, other headers), so there is no
 * difference to allow: Exchange and the phones write the same canonical form as {@link WbxmlWriter}.
 */
class CaptureCorpusTest {

    @Test
    void everyCapturedBodyDecodesAndReencodesToItsOwnBytes() throws IOException {
        List<String> failures = new ArrayList<>();
        List<Path> bodies = Captures.bodies();
        for (Path body : bodies) {
            byte[] captured = Files.readAllBytes(body);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                new WbxmlWriter(out).element(Captures.decode(captured)).finish();
                byte[] reencoded = out.toByteArray();
                if (!Arrays.equals(captured, reencoded)) {
                    failures.add(Captures.name(body) + ": differs from byte " + Arrays.mismatch(captured, reencoded));
                }
            } catch (MalformedWbxml e) {
                failures.add(Captures.name(body) + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(bodies.size() > 700, "the corpus is there: " + bodies.size() + " bodies");
    }

    /** The test sees what index.tsv lists, no more and no less. */
    @Test
    void theBodiesAreThoseTheIndexLists() throws IOException {
        Set<String> listed = new TreeSet<>();
        List<String> rows = Files.readAllLines(Captures.directory().resolve("index.tsv"));
        List<String> header = List.of(rows.get(0).split("\t"));
        int request = header.indexOf("request_file");
        int response = header.indexOf("response_file");
        for (String row : rows.subList(1, rows.size())) {
            String[] fields = row.split("\t", -1);
            for (int column : new int[] {request, response}) {
                if (!fields[column].isEmpty()) {
                    listed.add(fields[column]);
                }
            }
        }
        Set<String> present = new TreeSet<>();
        Captures.bodies().forEach(body -> present.add(Captures.name(body)));
        assertEquals(listed, present);
    }
}
