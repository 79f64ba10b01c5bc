package org.syncbridge.web.eas.command;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.syncbridge.device.DeviceRegistry;
import org.syncbridge.device.PolicySetting;
import org.syncbridge.device.ProvisionAnswer;
import org.syncbridge.device.ProvisionOffer;
import org.syncbridge.device.Provisioning;
import org.syncbridge.web.eas.ImmediateCommand;
import org.syncbridge.web.eas.EasExchange;
import org.syncbridge.web.eas.ProtocolVersion;
import org.syncbridge.web.eas.Wbxml;
import org.syncbridge.web.eas.wbxml.Element;
import org.syncbridge.web.eas.wbxml.MalformedWbxml;
import org.syncbridge.web.eas.wbxml.Tag;
import org.syncbridge.web.eas.wbxml.WbxmlWriter;

/**
 * Provision (MS-ASPROV): phase one hands out the policy under a temporary key, phase two turns the
 * device's acknowledgement into the final key; a pending remote wipe replaces the policy, and the
 * device's report of the wipe is recorded.
 */
@ApplicationScoped
public class ProvisionCommand implements ImmediateCommand {
    static final String NS = "Provision:";
    private static final Tag ROOT = Tag.of(NS, "Provision");
    private static final Tag STATUS = Tag.of(NS, "Status");
    private static final Tag POLICIES = Tag.of(NS, "Policies");
    private static final Tag POLICY = Tag.of(NS, "Policy");
    private static final Tag POLICY_TYPE = Tag.of(NS, "PolicyType");
    private static final Tag POLICY_KEY = Tag.of(NS, "PolicyKey");
    private static final Tag DATA = Tag.of(NS, "Data");
    private static final Tag PROVISION_DOC = Tag.of(NS, "EASProvisionDoc");
    private static final Tag REMOTE_WIPE = Tag.of(NS, "RemoteWipe");
    private static final Tag ACCOUNT_ONLY_REMOTE_WIPE = Tag.of(NS, "AccountOnlyRemoteWipe");
    private static final Tag APPLICATION_NAME = Tag.of(NS, "ApplicationName");
    private static final Tag HASH = Tag.of(NS, "Hash");
    private static final String WBXML_POLICY = "MS-EAS-Provisioning-WBXML";
    private static final String WAP_POLICY = "MS-WAP-Provisioning-XML";

    @EJB
    Provisioning provisioning;

    @EJB
    DeviceRegistry devices;


    @Override
    public Tag root() {
        return ROOT;
    }

    @Override
    public boolean needsProvisionedDevice() {
        return false;
    }

    @Override
    public Response execute(EasExchange x) throws MalformedWbxml {
        Element request = x.request(ROOT);
        Optional<Element> deviceInformation = request.child(DeviceInformationSet.DEVICE_INFORMATION);
        deviceInformation.ifPresent(d -> devices.recordInformation(x.user().userId(), x.device().deviceId(), DeviceInformationSet.read(d)));

        Optional<Element> wipeReport = request.child(REMOTE_WIPE).or(() -> request.child(ACCOUNT_ONLY_REMOTE_WIPE));
        if (wipeReport.isPresent()) {
            int status = wipeReport.get().childText(STATUS).map(ProvisionCommand::number).orElse(1);
            provisioning.acknowledgeWipe(x.device().id(), status);
            return answer(deviceInformation.isPresent(), out -> { });
        }
        Element policy = request.child(POLICIES).flatMap(p -> p.child(POLICY)).orElse(null);
        if (policy == null) {
            return Wbxml.status(this, 2);
        }
        String type = policy.childText(POLICY_TYPE).orElse("");
        boolean wap = type.equals(WAP_POLICY) && !x.atLeast(ProtocolVersion.V12_0);
        if (!type.equals(WBXML_POLICY) && !wap) {
            return answer(deviceInformation.isPresent(), out -> out.start(POLICIES).start(POLICY)
                    .text(POLICY_TYPE, type).text(STATUS, "3").end().end());
        }
        Optional<String> acknowledgedKey = policy.childText(POLICY_KEY);
        if (acknowledgedKey.isPresent() && policy.child(STATUS).isPresent()) {
            ProvisionAnswer answer = provisioning.acknowledge(x.device().id(), x.user().contextId(),
                    parseKey(acknowledgedKey.get()), number(policy.childText(STATUS).get()));
            return answer(deviceInformation.isPresent(), out -> {
                out.start(POLICIES).start(POLICY).text(POLICY_TYPE, type).text(STATUS, String.valueOf(answer.policyStatus()));
                if (answer.finalPolicyKey() != null) {
                    out.text(POLICY_KEY, String.valueOf(answer.finalPolicyKey()));
                }
                out.end().end();
            });
        }
        ProvisionOffer offer = provisioning.offer(x.device().id(), x.user().contextId());
        if (offer.wipe() == ProvisionOffer.Wipe.ACCOUNT_ONLY && !x.atLeast(ProtocolVersion.V16_1)) {
            // the device cannot remove just the account; never wipe the whole phone for it: refuse it as blocked
            return Wbxml.status(this, 129);
        }
        if (offer.wipe() != ProvisionOffer.Wipe.NONE) {
            Tag directive = offer.wipe() == ProvisionOffer.Wipe.ACCOUNT_ONLY ? ACCOUNT_ONLY_REMOTE_WIPE : REMOTE_WIPE;
            return answer(deviceInformation.isPresent(), out -> out.empty(directive));
        }
        return answer(deviceInformation.isPresent(), out -> {
            out.start(POLICIES).start(POLICY).text(POLICY_TYPE, type).text(STATUS, "1")
                    .text(POLICY_KEY, String.valueOf(offer.temporaryPolicyKey()));
            if (wap) {
                out.text(DATA, WapProvisioningDoc.of(offer.settings()));
            } else {
                out.start(DATA).start(PROVISION_DOC);
                writeSettings(out, offer.settings(), x.atLeast(ProtocolVersion.V12_1));
                out.end().end();
            }
            out.end().end();
        });
    }

    /** Provision's answer: DeviceInformation's status when the device sent it, Status 1, then the rest. */
    private Response answer(boolean deviceInformation, Wbxml.Body rest) {
        return Wbxml.ok(out -> {
            out.start(ROOT);
            if (deviceInformation) {
                out.start(DeviceInformationSet.DEVICE_INFORMATION).text(DeviceInformationSet.STATUS, "1").end();
            }
            out.text(STATUS, "1");
            rest.write(out);
            out.end();
        });
    }

    private static void writeSettings(WbxmlWriter out, Map<PolicySetting, String> settings, boolean all) throws IOException {
        for (Map.Entry<PolicySetting, String> e : settings.entrySet()) {
            PolicySetting setting = e.getKey();
            if (!all && !setting.sinceVersion().equals("12.0")) {
                continue;
            }
            Tag tag = Tag.of(NS, setting.name());
            String value = e.getValue();
            if (setting.kind() == PolicySetting.Kind.LIST) {
                Tag item = setting == PolicySetting.ApprovedApplicationList ? HASH : APPLICATION_NAME;
                out.start(tag);
                for (String entry : value.split(";")) {
                    if (!entry.isBlank()) {
                        out.text(item, entry.trim());
                    }
                }
                out.end();
            } else if (value.isEmpty()) {
                out.empty(tag);
            } else {
                out.text(tag, value);
            }
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long parseKey(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
