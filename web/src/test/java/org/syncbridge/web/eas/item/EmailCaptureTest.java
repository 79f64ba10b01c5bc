package org.syncbridge.web.eas.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.syncbridge.persistence.pim.ItemClass;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Captures;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/** Exchange's own mails in the phone captures (EAS 12.1), read through the Email table and written again. */
class EmailCaptureTest {
    static final Tag APPLICATION_DATA = Tag.of("AirSync:", "ApplicationData");
    static final ProtocolVersion VERSION = ProtocolVersion.V12_1;
    final ItemCodec email = ItemCodecs.of(ItemClass.EMAIL);

    /** Every element Exchange sent that the table knows comes back, with the same values; none it sent is unknown to it. */
    @Test
    void exchangesMailsLoseNoElementTheTableKnows() throws Exception {
        Set<String> known = known(EmailFields.TABLE, "", VERSION);
        Set<String> seen = new TreeSet<>();
        Set<String> unknownTopLevel = new TreeSet<>();
        int mails = 0;
        for (Path body : Captures.bodies()) {
            if (!Captures.name(body).endsWith("-response.wbxml")) {
                continue;
            }
            List<Element> found = new ArrayList<>();
            collect(Captures.decode(body), found);
            for (Element data : found) {
                Map<String, Object> read = email.read(data, VERSION);
                Element again = write(read);
                Set<String> original = paths(data, "");
                Set<String> kept = paths(again, "");
                for (String path : original) {
                    if (known.contains(path)) {
                        seen.add(path);
                        assertTrue(kept.contains(path), Captures.name(body) + ": lost " + path + " of " + data);
                    }
                }
                data.children().stream().map(c -> c.tag().toString()).filter(t -> !known.contains(t)).forEach(unknownTopLevel::add);
                assertEquals(read, email.read(again, VERSION), Captures.name(body));
                mails++;
            }
        }
        assertTrue(mails >= 200, "the captures hold Exchange's mails: " + mails);
        assertEquals(Set.of(), unknownTopLevel, "elements of Exchange's mails the table does not know");
        assertTrue(seen.containsAll(List.of("Email:Flag", "AirSyncBase:Body/AirSyncBase:Data", "Email:DateReceived",
                "AirSyncBase:Attachments/AirSyncBase:Attachment/AirSyncBase:FileReference",
                "AirSyncBase:Attachments/AirSyncBase:Attachment/AirSyncBase:Method")), "compared: " + seen);
    }

    /** A Sync Add, Change or Fetch holding mail (Email elements) rather than a PIM item. */
    static void collect(Element element, List<Element> found) {
        if (element.is(APPLICATION_DATA) && element.children().stream().anyMatch(c -> c.tag().namespace().startsWith("Email"))) {
            found.add(element);
        }
        element.children().forEach(c -> collect(c, found));
    }

    Element write(Map<String, Object> properties) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WbxmlWriter out = new WbxmlWriter(bytes);
        out.start(APPLICATION_DATA);
        email.write(out, properties, VERSION);
        out.end().finish();
        return new WbxmlDecoder().decode(new ByteArrayInputStream(bytes.toByteArray()));
    }

    static Set<String> paths(Element parent, String prefix) {
        Set<String> paths = new LinkedHashSet<>();
        for (Element child : parent.children()) {
            String path = prefix + child.tag();
            paths.add(path);
            paths.addAll(paths(child, path + "/"));
        }
        return paths;
    }

    /** The element paths a table's fields name for a version, the children of a body and a flag included. */
    static Set<String> known(List<ItemField> fields, String prefix, ProtocolVersion version) {
        Set<String> paths = new TreeSet<>();
        for (ItemField field : fields) {
            if (!field.carriedBy(version)) {
                continue;
            }
            String path = prefix + field.tag();
            paths.add(path);
            switch (field.kind()) {
                case GROUP -> paths.addAll(known(field.members(), path + "/", version));
                case RECORDS -> {
                    paths.add(path + "/" + field.listItem());
                    paths.addAll(known(field.members(), path + "/" + field.listItem() + "/", version));
                }
                case LIST -> paths.add(path + "/" + field.listItem());
                case CHOSEN_BODY -> List.of("Type", "EstimatedDataSize", "Truncated", "Data", "Preview")
                        .forEach(n -> paths.add(path + "/AirSyncBase:" + n));
                case FLAG -> List.of("Status", "FlagType").forEach(n -> paths.add(path + "/Email:" + n));
                default -> {
                }
            }
        }
        return paths;
    }
}
