package org.syncbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.syncbridge.it.EasClient.el;
import static org.syncbridge.it.EasClient.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * One phone's copy of one mail folder, kept as a phone keeps it: the ApplicationData of every mail by ServerId,
 * built only from what its Syncs brought (Adds, Changes, Deletes, SoftDeletes) and from its own MoveItems. Every
 * answer is checked as a phone would need it: an Add of a ServerId it already holds, or a Change or Delete of one
 * it does not, is an error.
 */
final class MailView {
    static final String AS = "AirSync:";
    static final String E = "Email:";
    static final String ASB = "AirSyncBase:";
    static final String IO = "ItemOperations:";

    final EasClient device;
    final String collectionId;
    /** The request's Options element, or null for none. */
    final Element options;
    String key = "0";
    final Map<String, Element> items = new LinkedHashMap<>();

    MailView(EasClient device, String collectionId, Element options) {
        this.device = device;
        this.collectionId = collectionId;
        this.options = options;
    }

    /** The folder's ServerId in the device's hierarchy, by display name. */
    static String folder(EasClient device, String displayName) {
        Element folder = device.hierarchy.get(displayName);
        assertNotNull(folder, "no folder " + displayName + " in " + device.hierarchy.keySet());
        return ActiveSyncIT.field(folder, "ServerId");
    }

    // --- request parts ---

    /** Sync Options as a mail client of this version sends them: 2.5 with MIMETruncation/Truncation, later with BodyPreference. */
    static Element options(Element... parts) {
        return el(AS, "Options", parts);
    }

    static Element filterType(String value) {
        return text(AS, "FilterType", value);
    }

    static Element mimeSupport(int value) {
        return text(AS, "MIMESupport", String.valueOf(value));
    }

    static Element bodyPreference(int type, Long truncationSize) {
        List<Element> parts = new ArrayList<>(List.of(text(ASB, "Type", String.valueOf(type))));
        if (truncationSize != null) {
            parts.add(text(ASB, "TruncationSize", String.valueOf(truncationSize)));
        }
        return el(ASB, "BodyPreference", parts.toArray(Element[]::new));
    }

    /** BodyPartPreference (14.1): the message part, of which only Type 2 (HTML) is defined. */
    static Element bodyPartPreference(Long truncationSize, boolean allOrNone) {
        List<Element> parts = new ArrayList<>(List.of(text(ASB, "Type", "2")));
        if (truncationSize != null) {
            parts.add(text(ASB, "TruncationSize", String.valueOf(truncationSize)));
        }
        if (allOrNone) {
            parts.add(text(ASB, "AllOrNone", "1"));
        }
        return el(ASB, "BodyPartPreference", parts.toArray(Element[]::new));
    }

    // --- Sync ---

    /** The first Sync (key 0): no items, only a key. */
    MailView start() {
        Element answer = request(null, false, List.of());
        assertEquals("1", SyncIT.status(answer), "a first Sync of a mail folder");
        assertTrue(SyncIT.commands(answer, "Add").isEmpty(), "key 0 brings no mail");
        key = SyncIT.key(answer);
        return this;
    }

    /** One Sync with the phone's own commands; applies what comes back to the copy. */
    Element sync(Integer window, Element... commands) {
        Element answer = request(window, true, List.of(commands));
        assertEquals("1", SyncIT.status(answer), "Sync of " + collectionId + " at " + device.version + ": " + answer);
        apply(answer);
        key = SyncIT.key(answer);
        return answer;
    }

    /**
     * Syncs until MoreAvailable is gone: each page at most {@code window} changes, every page but the last says
     * MoreAvailable; returns how many Syncs it took.
     */
    int syncUntilDone(int window, int maxRounds) {
        int rounds = 0;
        while (true) {
            Element page = sync(window);
            rounds++;
            int changes = page.child(Tag.of(AS, "Commands")).map(c -> c.children().size()).orElse(0);
            assertTrue(changes <= window, changes + " changes in a window of " + window);
            if (page.child(Tag.of(AS, "MoreAvailable")).isEmpty()) {
                return rounds;
            }
            assertTrue(changes > 0, "MoreAvailable with an empty page");
            assertTrue(rounds < maxRounds, "still MoreAvailable after " + rounds + " Syncs");
        }
    }

    Element request(Integer window, boolean getChanges, List<Element> commands) {
        List<Element> parts = new ArrayList<>();
        if (device.version.equals("2.5")) {
            parts.add(text(AS, "Class", "Email"));
        }
        parts.add(text(AS, "SyncKey", key));
        parts.add(text(AS, "CollectionId", collectionId));
        if (!key.equals("0")) {
            parts.add(Element.empty(Tag.of(AS, "DeletesAsMoves"))); // empty: TRUE, as iOS sends it
            if (!getChanges) {
                parts.add(text(AS, "GetChanges", "0")); // omitted: TRUE
            }
            if (window != null) {
                parts.add(text(AS, "WindowSize", String.valueOf(window)));
            }
        }
        if (options != null) {
            parts.add(options);
        }
        if (!commands.isEmpty()) {
            parts.add(el(AS, "Commands", commands.toArray(Element[]::new)));
        }
        EasClient.Answer answer = device.post("Sync", el(AS, "Sync", el(AS, "Collections", el(AS, "Collection", parts.toArray(Element[]::new)))));
        assertEquals(200, answer.status(), "Sync of " + collectionId);
        return answer.root().child(Tag.of(AS, "Collections")).orElseThrow(() -> new AssertionError("no Collections in " + answer.root()))
                .child(Tag.of(AS, "Collection")).orElseThrow();
    }

    private void apply(Element answer) {
        for (Element command : answer.child(Tag.of(AS, "Commands")).map(Element::children).orElse(List.of())) {
            String serverId = command.childText(Tag.of(AS, "ServerId")).orElseThrow(() -> new AssertionError("no ServerId in " + command));
            String kind = command.tag().name();
            switch (kind) {
                case "Add" -> assertNull(items.put(serverId, data(command)), "Add of " + serverId + ", which the phone already holds: a duplicate");
                case "Change" -> {
                    Element held = items.get(serverId);
                    assertNotNull(held, "Change of " + serverId + ", which the phone does not hold");
                    items.put(serverId, merged(held, data(command)));
                }
                case "Delete", "SoftDelete" -> assertNotNull(items.remove(serverId), kind + " of " + serverId + ", which the phone does not hold");
                default -> throw new AssertionError("unexpected " + kind + " in a mail Sync");
            }
        }
    }

    /** A mail Change carries only what changed (Read, Flag, Categories): it replaces those elements. */
    private static Element merged(Element held, Element change) {
        Map<Tag, Element> byTag = new LinkedHashMap<>();
        held.children().forEach(c -> byTag.put(c.tag(), c));
        change.children().forEach(c -> byTag.put(c.tag(), c));
        return Element.of(held.tag(), new ArrayList<>(byTag.values()));
    }

    static Element data(Element command) {
        return command.child(Tag.of(AS, "ApplicationData")).orElseThrow(() -> new AssertionError("no ApplicationData in " + command));
    }

    // --- reading the copy ---

    static String subject(Element data) {
        return data.childText(Tag.of(E, "Subject")).orElse(null);
    }

    /** The ServerId of the one mail with this subject. */
    String idOf(String subject) {
        List<String> ids = items.entrySet().stream().filter(e -> subject.equals(subject(e.getValue()))).map(Map.Entry::getKey).toList();
        assertEquals(1, ids.size(), "mails with the subject '" + subject + "' on " + device.deviceId + ": " + ids);
        return ids.get(0);
    }

    Element bySubject(String subject) {
        return items.get(idOf(subject));
    }

    /** How many mails with this subject the phone holds. */
    long count(String subject) {
        return items.values().stream().filter(d -> subject.equals(subject(d))).count();
    }

    static Optional<String> value(Element parent, String namespace, String name) {
        return parent.childText(Tag.of(namespace, name));
    }

    static Element child(Element parent, String namespace, String name) {
        return parent.child(Tag.of(namespace, name)).orElseThrow(() -> new AssertionError("no " + namespace + name + " in " + parent));
    }

    /** The Email Flag's Status: "0" or absent when there is none. */
    static String flagStatus(Element data) {
        return data.child(Tag.of(E, "Flag")).flatMap(f -> f.childText(Tag.of(E, "Status"))).orElse("0");
    }

    // --- phone commands ---

    static Element change(String serverId, Element... fields) {
        return el(AS, "Change", text(AS, "ServerId", serverId), el(AS, "ApplicationData", fields));
    }

    static Element delete(String serverId) {
        return el(AS, "Delete", text(AS, "ServerId", serverId));
    }

    /** MoveItems of one mail; returns the new ServerId and moves the phone's copy to {@code to}. */
    String moveTo(String serverId, MailView to) {
        String mv = "Move:";
        EasClient.Answer answer = device.post("MoveItems", el(mv, "MoveItems", el(mv, "Move", text(mv, "SrcMsgId", serverId),
                text(mv, "SrcFldId", collectionId), text(mv, "DstFldId", to.collectionId))));
        assertEquals(200, answer.status());
        Element response = answer.root().child(Tag.of(mv, "Response")).orElseThrow(() -> new AssertionError("no Response in " + answer.root()));
        assertEquals("3", response.childText(Tag.of(mv, "Status")).orElseThrow(), "MoveItems of " + serverId + ": " + response);
        String moved = response.childText(Tag.of(mv, "DstMsgId")).orElseThrow(() -> new AssertionError("no DstMsgId in " + response));
        to.items.put(moved, items.remove(serverId));
        return moved;
    }

    /** ItemOperations Fetch of an attachment by FileReference, optionally a byte Range "m-n"; returns the Fetch element. */
    static Element fetchAttachment(EasClient device, String fileReference, String range) {
        List<Element> parts = new ArrayList<>(List.of(text(IO, "Store", "Mailbox"), text(ASB, "FileReference", fileReference)));
        if (range != null) {
            parts.add(el(IO, "Options", text(IO, "Range", range)));
        }
        return itemOperation(device, el(IO, "Fetch", parts.toArray(Element[]::new)));
    }

    /** ItemOperations Fetch of a mail by folder and ServerId with these Options; returns the Fetch element. */
    static Element fetchMail(EasClient device, String collectionId, String serverId, Element... options) {
        return itemOperation(device, el(IO, "Fetch", text(IO, "Store", "Mailbox"), text(AS, "CollectionId", collectionId),
                text(AS, "ServerId", serverId), el(IO, "Options", options)));
    }

    /** ItemOperations Fetch of a mail by the LongId a Search gave, with these Options; returns the Fetch element. */
    static Element fetchMail(EasClient device, String longId, Element... options) {
        return itemOperation(device, el(IO, "Fetch", text(IO, "Store", "Mailbox"), text("Search:", "LongId", longId),
                el(IO, "Options", options)));
    }

    private static Element itemOperation(EasClient device, Element operation) {
        EasClient.Answer answer = device.post("ItemOperations", el(IO, "ItemOperations", operation));
        assertEquals(200, answer.status());
        assertEquals("1", answer.text(IO, "Status"), "ItemOperations: " + answer.root());
        return answer.root().child(Tag.of(IO, "Response")).orElseThrow().child(Tag.of(IO, "Fetch")).orElseThrow();
    }

    /** The bytes of an ItemOperations Data element: base64 text (MS-ASCMD 2.2.3.39.2). */
    static byte[] itemData(Element properties) {
        Element data = child(properties, IO, "Data");
        return data.isOpaque() ? data.bytes() : Base64.getMimeDecoder().decode(data.text());
    }

    /** A body's Data as bytes: text forms in UTF-8, MIME as the 7-bit text it is. */
    static byte[] bodyData(Element body) {
        return value(body, ASB, "Data").orElse("").getBytes(StandardCharsets.UTF_8);
    }
}
