package org.syncbridge.bench.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlDecoder;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * What a phone sends and how it reads the answers, apart from how the bytes travel: {@link EasClient} sends them
 * with java.net.http, the parked-Ping driver ({@code org.syncbridge.bench.ping}) with Netty.
 */
public final class EasMessages {
    static final String FH = "FolderHierarchy:";
    static final String PROV = "Provision:";
    static final String PING = "Ping:";
    private static final String POLICY_TYPE = "MS-EAS-Provisioning-WBXML";

    private EasMessages() {
    }

    /** The path and query of a command, as phones send it (MS-ASHTTP plain query). */
    public static String pathAndQuery(String command, String login, String deviceId, String deviceType) {
        return "Microsoft-Server-ActiveSync?Cmd=" + command + "&User=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + "&DeviceId=" + deviceId + "&DeviceType=" + deviceType;
    }

    public static String basicAuthorization(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Provision: the first phase without a key, the second acknowledging the temporary {@code acknowledgedKey}. */
    public static Element provision(String acknowledgedKey) {
        List<Element> policy = new ArrayList<>(List.of(Wbxml.text(PROV, "PolicyType", POLICY_TYPE)));
        if (acknowledgedKey != null) {
            policy.add(Wbxml.text(PROV, "PolicyKey", acknowledgedKey));
            policy.add(Wbxml.text(PROV, "Status", "1"));
        }
        return Wbxml.el(PROV, "Provision", Wbxml.el(PROV, "Policies", Element.of(Tag.of(PROV, "Policy"), policy)));
    }

    public static String policyKey(Element provisionAnswer) {
        return Wbxml.path(provisionAnswer, PROV, "Policies", "Policy", "PolicyKey")
                .orElseThrow(() -> new EasFailure("Provision gave no PolicyKey: " + provisionAnswer)).text();
    }

    /** FolderSync from key 0: the whole hierarchy. */
    public static Element folderSyncFromStart() {
        return Wbxml.el(FH, "FolderSync", Wbxml.text(FH, "SyncKey", "0"));
    }

    public static List<EasClient.Folder> folders(Element folderSyncAnswer) {
        String status = folderSyncAnswer.childText(Tag.of(FH, "Status")).orElse("");
        if (!"1".equals(status)) {
            throw new EasFailure("FolderSync status " + status);
        }
        List<EasClient.Folder> folders = new ArrayList<>();
        for (Element add : folderSyncAnswer.child(Tag.of(FH, "Changes")).map(c -> c.children(Tag.of(FH, "Add"))).orElse(List.of())) {
            folders.add(new EasClient.Folder(add.childText(Tag.of(FH, "ServerId")).orElseThrow(),
                    add.childText(Tag.of(FH, "DisplayName")).orElse(""), Integer.parseInt(add.childText(Tag.of(FH, "Type")).orElse("0"))));
        }
        return folders;
    }

    /** The ServerId of the folder of MS-ASCMD type {@code type} (9: the default contacts folder). */
    public static String folderOfType(Element folderSyncAnswer, int type) {
        return folders(folderSyncAnswer).stream().filter(f -> f.type() == type).findFirst().map(EasClient.Folder::serverId)
                .orElseThrow(() -> new EasFailure("no folder of type " + type + " in the hierarchy"));
    }

    /** A Ping watching one contacts folder for {@code heartbeatSeconds}. */
    public static Element ping(int heartbeatSeconds, String contactsFolder) {
        return Wbxml.el(PING, "Ping", Wbxml.text(PING, "HeartbeatInterval", String.valueOf(heartbeatSeconds)),
                Wbxml.el(PING, "Folders", Wbxml.el(PING, "Folder", Wbxml.text(PING, "Id", contactsFolder), Wbxml.text(PING, "Class", "Contacts"))));
    }

    /** A Ping answer's Status (1 heartbeat ran out, 2 changes, ...). */
    public static String pingStatus(Element pingAnswer) {
        return pingAnswer.childText(Tag.of(PING, "Status")).orElseThrow(() -> new EasFailure("a Ping answer without Status: " + pingAnswer));
    }

    /** The folders a Ping answer with Status 2 names. */
    public static List<String> pingFolders(Element pingAnswer) {
        return pingAnswer.child(Tag.of(PING, "Folders")).map(f -> f.children(Tag.of(PING, "Folder")).stream().map(Element::text).toList())
                .orElse(List.of());
    }

    public static byte[] encode(Element body) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WbxmlWriter writer = new WbxmlWriter(out);
            writer.element(body);
            writer.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a whole answer; malformed WBXML is an {@link EasFailure} naming the command. */
    public static Element decode(String command, byte[] body) {
        try {
            return new WbxmlDecoder().decode(new ByteArrayInputStream(body));
        } catch (IOException | MalformedWbxml e) {
            throw new EasFailure(command + ": the server answered malformed WBXML: " + e.getMessage());
        }
    }

    /** A Sync answer of one collection, read as {@link EasClient#sync} reads it, Status 1 required. */
    public static SyncPage syncPage(SyncCall call, Element answer, int bytes) {
        SyncPage page = SyncPage.of(new EasClient.Answer(answer, bytes));
        if (!"1".equals(page.status())) {
            throw new EasFailure("Sync of " + call.collectionId() + " with key " + call.syncKey() + ": status " + page.status());
        }
        return page;
    }

    public static Element sync(SyncCall call) {
        return call.toWbxml();
    }
}
