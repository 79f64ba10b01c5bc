package org.syncbridge.bench.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/** One collection of a Sync answer, as a phone reads it. */
public record SyncPage(String syncKey, String status, boolean moreAvailable, List<Element> adds, List<Element> changes,
                       List<Element> deletes, List<Element> addResponses, List<Element> otherResponses, int bytes) {
    private static final String AS = SyncCall.AS;
    private static final Tag SERVER_ID = Tag.of(AS, "ServerId");
    private static final Tag STATUS = Tag.of(AS, "Status");

    static SyncPage of(EasClient.Answer answer) {
        Element root = answer.body();
        Element collection = Wbxml.path(root, AS, "Collections", "Collection")
                .orElseThrow(() -> new EasFailure("a Sync answer without a Collection: status "
                        + root.childText(STATUS).orElse("?")));
        Element commands = collection.child(Tag.of(AS, "Commands")).orElse(Element.empty(Tag.of(AS, "Commands")));
        Element responses = collection.child(Tag.of(AS, "Responses")).orElse(Element.empty(Tag.of(AS, "Responses")));
        List<Element> answered = responses.children();
        return new SyncPage(collection.childText(Tag.of(AS, "SyncKey")).orElse(null), collection.childText(STATUS).orElse(""),
                collection.child(Tag.of(AS, "MoreAvailable")).isPresent(),
                commands.children(Tag.of(AS, "Add")), commands.children(Tag.of(AS, "Change")), commands.children(Tag.of(AS, "Delete")),
                responses.children(Tag.of(AS, "Add")), answered.stream().filter(r -> !r.is(Tag.of(AS, "Add"))).toList(), answer.bytes());
    }

    public static String serverId(Element command) {
        return command.childText(SERVER_ID).orElseThrow(() -> new EasFailure("a command without ServerId: " + command));
    }

    /** ClientId to ServerId of the answered Adds; an Add the server refused is an {@link EasFailure}. */
    public Map<String, String> addedServerIds() {
        for (Element add : addResponses) {
            if (!"1".equals(add.childText(STATUS).orElse(""))) {
                throw new EasFailure("an Add was refused: " + add);
            }
        }
        return addResponses.stream().collect(Collectors.toMap(a -> a.childText(Tag.of(AS, "ClientId")).orElseThrow(), SyncPage::serverId));
    }

    /** The server answers a Change or Delete only when it failed. */
    public void requireNoFailedCommands() {
        if (!otherResponses.isEmpty()) {
            throw new EasFailure("the server refused commands: " + otherResponses);
        }
    }
}
