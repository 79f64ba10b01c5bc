package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.syncbridge.sync.SyncMemory;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * The empty and the Partial Sync (MS-ASCMD 2.2.1.21, 12.1+): a Sync without a body or without
 * Collections repeats the device's last full request; one with Partial sends only some collections,
 * the others come from the last request. Each collection then goes on from the key last given to the
 * device. The request is remembered as WBXML without keys and commands, so every option the Sync
 * command reads (now or later) is repeated without a storage format of its own.
 */
@ApplicationScoped
public class SyncRequestMemory {
    private static final Logger LOG = Logger.getLogger(SyncRequestMemory.class.getName());
    private static final String NS = "AirSync:";
    private static final Tag ROOT = Tag.of(NS, "Sync");
    private static final Tag COLLECTIONS = Tag.of(NS, "Collections");
    private static final Tag COLLECTION = Tag.of(NS, "Collection");
    private static final Tag COLLECTION_ID = Tag.of(NS, "CollectionId");
    private static final Tag SYNC_KEY = Tag.of(NS, "SyncKey");
    private static final Tag COMMANDS = Tag.of(NS, "Commands");
    private static final Tag PARTIAL = Tag.of(NS, "Partial");
    /** A key no state has: a remembered collection the device has no state for gets Status 3 and starts over. */
    private static final String NO_KEY = "none";

    @EJB
    SyncMemory memory;

    /**
     * The Sync request to run, with every collection and its key; empty when the device sent an empty
     * or Partial request and nothing is remembered (Status 13).
     */
    public Optional<Element> effective(EasExchange x) throws MalformedWbxml {
        if (!x.atLeast(ProtocolVersion.V12_1)) {
            return Optional.of(x.request(ROOT));
        }
        Optional<Element> sent = x.body().isEmpty() ? Optional.empty() : Optional.of(x.request(ROOT));
        boolean partial = sent.flatMap(s -> s.child(PARTIAL)).isPresent();
        if (sent.flatMap(s -> s.child(COLLECTIONS)).isPresent() && !partial) {
            remember(x, sent.get());
            return sent;
        }
        Optional<Element> last = recall(x);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Element> collections = new LinkedHashMap<>();
        for (Element c : last.get().child(COLLECTIONS).map(Element::children).orElse(List.of())) {
            String id = c.childText(COLLECTION_ID).orElse("");
            collections.put(id, withKey(c, memory.currentKey(x.device().id(), id).orElse(NO_KEY)));
        }
        sent.flatMap(s -> s.child(COLLECTIONS)).ifPresent(cs -> cs.children(COLLECTION)
                .forEach(c -> collections.put(c.childText(COLLECTION_ID).orElse(""), c)));
        List<Element> parts = new ArrayList<>();
        parts.add(Element.of(COLLECTIONS, new ArrayList<>(collections.values())));
        // the request's own WindowSize, Wait or HeartbeatInterval replace the remembered ones
        List<Element> topLevel = sent.map(Element::children).orElse(List.of());
        for (Element e : last.get().children()) {
            if (!e.is(COLLECTIONS) && topLevel.stream().noneMatch(t -> t.is(e.tag()))) {
                parts.add(e);
            }
        }
        topLevel.stream().filter(e -> !e.is(COLLECTIONS) && !e.is(PARTIAL)).forEach(parts::add);
        Element merged = Element.of(ROOT, parts);
        remember(x, merged);
        return Optional.of(merged);
    }

    /** Keeps the request without its keys, its commands and Partial. */
    private void remember(EasExchange x, Element request) {
        List<Element> parts = new ArrayList<>();
        for (Element e : request.children()) {
            if (e.is(COLLECTIONS)) {
                List<Element> collections = e.children(COLLECTION).stream()
                        .map(c -> Element.of(COLLECTION, c.children().stream().filter(p -> !p.is(SYNC_KEY) && !p.is(COMMANDS)).toList()))
                        .toList();
                parts.add(Element.of(COLLECTIONS, collections));
            } else if (!e.is(PARTIAL)) {
                parts.add(e);
            }
        }
        memory.remember(x.device().id(), Base64.getEncoder().encodeToString(encode(Element.of(ROOT, parts))));
    }

    private Optional<Element> recall(EasExchange x) {
        Optional<String> stored = memory.recall(x.device().id());
        try {
            return stored.isEmpty() ? Optional.empty()
                    : Optional.of(new WbxmlDecoder().decode(new ByteArrayInputStream(Base64.getDecoder().decode(stored.get()))));
        } catch (IOException | MalformedWbxml | IllegalArgumentException e) {
            LOG.warning(() -> "The remembered Sync request of device " + x.device().id() + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Element withKey(Element collection, String key) {
        List<Element> parts = new ArrayList<>();
        parts.add(Element.text(SYNC_KEY, key));
        parts.addAll(collection.children());
        return Element.of(COLLECTION, parts);
    }

    private static byte[] encode(Element element) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WbxmlWriter writer = new WbxmlWriter(out);
            writer.element(element);
            writer.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
