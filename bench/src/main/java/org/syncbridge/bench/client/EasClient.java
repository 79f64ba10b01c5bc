package org.syncbridge.bench.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.syncbridge.web.eas.wbxml.Element;

/**
 * One phone: EAS commands as WBXML over HTTPS with one DeviceId, remembering its policy key. It encodes and
 * decodes with the product's own codec, and decodes every answer whole, as a phone must before it can use it.
 */
public final class EasClient {
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
        this.authorization = EasMessages.basicAuthorization(login, password);
        this.deviceId = deviceId;
        this.deviceType = deviceType;
        this.version = version;
    }

    public String deviceId() {
        return deviceId;
    }

    /** Posts a command; anything but HTTP 200 with a WBXML body is an {@link EasFailure}. */
    public Answer post(String command, Element body) {
        URI uri = transport.resolve(EasMessages.pathAndQuery(command, login, deviceId, deviceType));
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
        return new Answer(EasMessages.decode(command, response.body()), response.body().length);
    }

    /** Both phases of provisioning; afterwards every command carries the final policy key. */
    public void provision() {
        String temporary = EasMessages.policyKey(post("Provision", EasMessages.provision(null)).body());
        policyKey = temporary;
        policyKey = EasMessages.policyKey(post("Provision", EasMessages.provision(temporary)).body());
    }

    /** FolderSync from key 0: the whole hierarchy. */
    public List<Folder> folderSync() {
        return EasMessages.folders(post("FolderSync", EasMessages.folderSyncFromStart()).body());
    }

    /** The folder of MS-ASCMD type {@code type} (9: the default contacts folder). */
    public String folderOfType(int type) {
        return folderSync().stream().filter(f -> f.type() == type).findFirst().map(Folder::serverId)
                .orElseThrow(() -> new EasFailure("no folder of type " + type + " for " + login));
    }

    /** One Sync of one collection; a Status other than 1 is an {@link EasFailure}. */
    public SyncPage sync(SyncCall call) {
        Answer answer = post("Sync", call.toWbxml());
        return EasMessages.syncPage(call, answer.body(), answer.bytes());
    }

    static byte[] encode(Element body) {
        return EasMessages.encode(body);
    }
}
