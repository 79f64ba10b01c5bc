package org.syncbridge.bench.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * One phone: EAS commands as WBXML over HTTPS with one DeviceId, remembering its policy key. It encodes and
 * decodes with the product's own codec, and decodes every answer whole, as a phone must before it can use it.
 */
public final class EasClient {
    static final String FH = "FolderHierarchy:";
    static final String PROV = "Provision:";
    private static final String POLICY_TYPE = "MS-EAS-Provisioning-WBXML";

    private final Transport transport;
    private final String login;
    private final String authorization;
    private final String deviceId;
    private final String deviceType;
    private final String version;
    private String policyKey;

    /** A decoded answer and the size of its body on the wire. */
    public record Answer(Element body, int bytes) {
    }

    /** A folder of the hierarchy: MS-ASCMD folder Type 9 is the default contacts folder. */
    public record Folder(String serverId, String displayName, int type) {
    }

    public EasClient(Transport transport, String login, String password, String deviceId, String deviceType, String version) {
        this.transport = transport;
        this.login = login;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.deviceId = deviceId;
        this.deviceType = deviceType;
        this.version = version;
    }

    public String deviceId() {
        return deviceId;
    }

    /** Posts a command; anything but HTTP 200 with a WBXML body is an {@link EasFailure}. */
    public Answer post(String command, Element body) {
        URI uri = transport.resolve("Microsoft-Server-ActiveSync?Cmd=" + command + "&User=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                + "&DeviceId=" + deviceId + "&DeviceType=" + deviceType);
        HttpRequest.Builder request = transport.request(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(encode(body)))
                .header("Authorization", authorization)
                .header("Content-Type", "application/vnd.ms-sync.wbxml")
                .header("User-Agent", "Syncbridge-Bench/1.0")
                .header("MS-ASProtocolVersion", version);
        if (policyKey != null) {
            request.header("X-MS-PolicyKey", policyKey);
        }
        HttpResponse<byte[]> response = transport.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != 200 || response.body().length == 0 || !type.contains("wbxml")) {
            throw new EasFailure(command + " answered HTTP " + response.statusCode() + " (" + type + ", " + response.body().length + " bytes)");
        }
        try {
            return new Answer(new WbxmlDecoder().decode(new ByteArrayInputStream(response.body())), response.body().length);
        } catch (IOException | MalformedWbxml e) {
            throw new EasFailure(command + ": the server answered malformed WBXML: " + e.getMessage());
        }
    }

    /** Both phases of provisioning; afterwards every command carries the final policy key. */
    public void provision() {
        String temporary = policyKey(post("Provision", provisionRequest(null)));
        policyKey = temporary;
        policyKey = policyKey(post("Provision", provisionRequest(temporary)));
    }

    private static Element provisionRequest(String acknowledgedKey) {
        List<Element> policy = new ArrayList<>(List.of(Wbxml.text(PROV, "PolicyType", POLICY_TYPE)));
        if (acknowledgedKey != null) {
            policy.add(Wbxml.text(PROV, "PolicyKey", acknowledgedKey));
            policy.add(Wbxml.text(PROV, "Status", "1"));
        }
        return Wbxml.el(PROV, "Provision", Wbxml.el(PROV, "Policies", Element.of(Tag.of(PROV, "Policy"), policy)));
    }

    private static String policyKey(Answer answer) {
        return Wbxml.path(answer.body(), PROV, "Policies", "Policy", "PolicyKey")
                .orElseThrow(() -> new EasFailure("Provision gave no PolicyKey: " + answer.body())).text();
    }

    /** FolderSync from key 0: the whole hierarchy. */
    public List<Folder> folderSync() {
        Element root = post("FolderSync", Wbxml.el(FH, "FolderSync", Wbxml.text(FH, "SyncKey", "0"))).body();
        String status = root.childText(Tag.of(FH, "Status")).orElse("");
        if (!"1".equals(status)) {
            throw new EasFailure("FolderSync status " + status);
        }
        List<Folder> folders = new ArrayList<>();
        for (Element add : root.child(Tag.of(FH, "Changes")).map(c -> c.children(Tag.of(FH, "Add"))).orElse(List.of())) {
            folders.add(new Folder(add.childText(Tag.of(FH, "ServerId")).orElseThrow(), add.childText(Tag.of(FH, "DisplayName")).orElse(""),
                    Integer.parseInt(add.childText(Tag.of(FH, "Type")).orElse("0"))));
        }
        return folders;
    }

    /** The folder of MS-ASCMD type {@code type} (9: the default contacts folder). */
    public String folderOfType(int type) {
        return folderSync().stream().filter(f -> f.type() == type).findFirst().map(Folder::serverId)
                .orElseThrow(() -> new EasFailure("no folder of type " + type + " for " + login));
    }

    /** One Sync of one collection; a Status other than 1 is an {@link EasFailure}. */
    public SyncPage sync(SyncCall call) {
        Answer answer = post("Sync", call.toWbxml());
        SyncPage page = SyncPage.of(answer);
        if (!"1".equals(page.status())) {
            throw new EasFailure("Sync of " + call.collectionId() + " with key " + call.syncKey() + ": status " + page.status());
        }
        return page;
    }

    static byte[] encode(Element body) {
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
}
