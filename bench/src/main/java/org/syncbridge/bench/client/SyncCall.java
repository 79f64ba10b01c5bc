package org.syncbridge.bench.client;

import java.util.ArrayList;
import java.util.List;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.Tag;

/**
 * A Sync request for one collection, shaped as Android and iOS send it: key 0 carries only the key and the
 * collection; later keys ask for changes in a window, with options (for contacts a plain-text body preference,
 * for mail what {@link #mailOptions} builds) and the client's own commands.
 *
 * @param windowSize     null leaves WindowSize out (the server's default)
 * @param deletesAsMoves whether the phone sends DeletesAsMoves, as phones do for mail folders
 */
public record SyncCall(String collectionId, String syncKey, Integer windowSize, List<Element> commands, Element options,
                       boolean deletesAsMoves) {
    static final String AS = "AirSync:";
    private static final String BASE = "AirSyncBase:";
    private static final Element CONTACT_OPTIONS = Wbxml.el(AS, "Options", Wbxml.el(BASE, "BodyPreference", Wbxml.text(BASE, "Type", "1"),
            Wbxml.text(BASE, "TruncationSize", "200000")));

    public SyncCall {
        commands = List.copyOf(commands);
    }

    /** The first Sync of a collection: key 0 primes the state, nothing else is allowed with it. */
    public static SyncCall first(String collectionId) {
        return new SyncCall(collectionId, "0", null, List.of(), CONTACT_OPTIONS, false);
    }

    public static SyncCall next(String collectionId, String syncKey, int windowSize) {
        return new SyncCall(collectionId, syncKey, windowSize, List.of(), CONTACT_OPTIONS, false);
    }

    /** A mail folder's Sync as the phones of the captures send it: DeletesAsMoves, the window, the mail options. */
    public static SyncCall nextMail(String collectionId, String syncKey, int windowSize, Element mailOptions) {
        return new SyncCall(collectionId, syncKey, windowSize, List.of(), mailOptions, true);
    }

    /**
     * Mail options: FilterType (0 all mail), one BodyPreference ({@code bodyType} 1 plain, 2 HTML) cut at
     * {@code truncationSize} bytes, and MIMESupport 0 (no MIME), as Android and iOS ask for the Inbox.
     */
    public static Element mailOptions(int filterType, int bodyType, int truncationSize) {
        return Wbxml.el(AS, "Options", Wbxml.text(AS, "FilterType", String.valueOf(filterType)), Wbxml.text(AS, "MIMESupport", "0"),
                Wbxml.el(BASE, "BodyPreference", Wbxml.text(BASE, "Type", String.valueOf(bodyType)),
                        Wbxml.text(BASE, "TruncationSize", String.valueOf(truncationSize))));
    }

    public SyncCall with(List<Element> clientCommands) {
        return new SyncCall(collectionId, syncKey, windowSize, clientCommands, options, deletesAsMoves);
    }

    Element toWbxml() {
        List<Element> parts = new ArrayList<>(List.of(Wbxml.text(AS, "SyncKey", syncKey), Wbxml.text(AS, "CollectionId", collectionId)));
        if (!"0".equals(syncKey)) {
            if (deletesAsMoves) {
                parts.add(Wbxml.empty(AS, "DeletesAsMoves"));
            }
            parts.add(Wbxml.empty(AS, "GetChanges"));
            if (windowSize != null) {
                parts.add(Wbxml.text(AS, "WindowSize", String.valueOf(windowSize)));
            }
            parts.add(options);
            if (!commands.isEmpty()) {
                parts.add(Element.of(Tag.of(AS, "Commands"), commands));
            }
        }
        return Wbxml.el(AS, "Sync", Wbxml.el(AS, "Collections", Element.of(Tag.of(AS, "Collection"), parts)));
    }

    /** An Add of a new item, as a phone sends one it created. */
    public static Element add(String clientId, List<Element> applicationData) {
        return Wbxml.el(AS, "Add", Wbxml.text(AS, "ClientId", clientId), Element.of(Tag.of(AS, "ApplicationData"), applicationData));
    }

    /** A Change: the phone sends the whole item again. */
    public static Element change(String serverId, List<Element> applicationData) {
        return Wbxml.el(AS, "Change", Wbxml.text(AS, "ServerId", serverId), Element.of(Tag.of(AS, "ApplicationData"), applicationData));
    }
}
