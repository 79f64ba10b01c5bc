package org.syncbridge.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.syncbridge.auth.AdminIdentity;
import org.syncbridge.jms.ChangeNotice;
import org.syncbridge.jms.ChangeNotices;
import org.syncbridge.persistence.device.Device;
import org.syncbridge.persistence.device.Policy;
import org.syncbridge.persistence.tenant.User;
import org.syncbridge.tenant.AdminScope;
import org.syncbridge.tenant.RequestRejected;

/** The admin's view of a user's devices: list, block, remote wipe, forget. */
@Stateless
public class DeviceAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChangeNotices notices;

    public List<DeviceInfo> list(AdminIdentity caller, String context, String login) {
        User user = AdminScope.user(em, caller, context, login);
        return em.createNamedQuery(Device.OF_USER, Device.class).setParameter("user", user).getResultStream()
                .map(this::info).toList();
    }

    public DeviceInfo get(AdminIdentity caller, String context, String login, String deviceId) {
        return info(find(caller, context, login, deviceId));
    }

    public DeviceInfo update(AdminIdentity caller, String context, String login, String deviceId, DeviceChanges changes) {
        Device device = find(caller, context, login, deviceId);
        if (changes == null) {
            throw RequestRejected.invalid("the request needs a JSON body");
        }
        if (changes.blocked() != null) {
            device.setBlocked(changes.blocked());
            concerns(device);
        }
        return info(device);
    }

    public DeviceInfo requestWipe(AdminIdentity caller, String context, String login, String deviceId, WipeRequest request) {
        Device device = find(caller, context, login, deviceId);
        device.requestWipe(request != null && Boolean.TRUE.equals(request.accountOnly()), Instant.now());
        concerns(device);
        return info(device);
    }

    public DeviceInfo cancelWipe(AdminIdentity caller, String context, String login, String deviceId) {
        Device device = find(caller, context, login, deviceId);
        device.cancelWipe();
        return info(device);
    }

    /** Forgets the device: its next contact starts as a new device, provisioning included. */
    public void forget(AdminIdentity caller, String context, String login, String deviceId) {
        Device device = find(caller, context, login, deviceId);
        concerns(device);
        em.remove(device);
    }

    /** A parked request of the device ends, so that its next request meets the change. */
    private void concerns(Device device) {
        User user = device.getUser();
        notices.publish(ChangeNotice.device(user.getContext().getId(), user.getId(), device.getId()));
    }

    private Device find(AdminIdentity caller, String context, String login, String deviceId) {
        User user = AdminScope.user(em, caller, context, login);
        return em.createNamedQuery(Device.BY_USER_AND_DEVICE_ID, Device.class).setParameter("user", user.getId())
                .setParameter("deviceId", deviceId).getResultStream().findFirst()
                .orElseThrow(() -> RequestRejected.notFound("no device '" + deviceId + "' of user '" + login + "'"));
    }

    private DeviceInfo info(Device d) {
        Policy policy = em.find(Policy.class, d.getUser().getContext().getId());
        boolean provisioned = policy != null && Objects.equals(d.getPolicyKey(), policy.getPolicyKey());
        return new DeviceInfo(d.getDeviceId(), d.getDeviceType(), d.getUserAgent(), d.getProtocolVersion(),
                d.getFirstSeen(), d.getLastSeen(), provisioned, d.isBlocked(), d.getWipeState().name().toLowerCase(),
                d.getWipeRequestedAt(), d.getWipeAcknowledgedAt(), d.getModel(), d.getImei(), d.getFriendlyName(),
                d.getOs(), d.getOsLanguage(), d.getPhoneNumber(), d.getMobileOperator(), d.getRecoveryPassword());
    }
}
