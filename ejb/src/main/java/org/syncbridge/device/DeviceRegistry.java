package org.syncbridge.device;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.syncbridge.auth.AuthenticatedUser;
import org.syncbridge.persistence.device.Device;
import org.syncbridge.persistence.device.Policy;
import org.syncbridge.persistence.tenant.User;

/**
 * Every (user, DeviceId) that ever connected, updated on each request by key, and the gate that
 * decides whether the request may proceed: blocked, not provisioned, stale policy key, wipe pending.
 */
@Stateless
public class DeviceRegistry {
    /** lastSeen is written at most this often, so a busy phone does not write on every request. */
    private static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;

    /** Registers the device on first contact, records what changed, and judges the request. */
    public DeviceEntry enter(AuthenticatedUser user, DeviceCall call) {
        Instant now = Instant.now();
        Device device = find(user.userId(), call.deviceId()).orElseGet(() -> {
            Device created = new Device(em.getReference(User.class, user.userId()), call.deviceId(), call.deviceType(), now);
            em.persist(created);
            return created;
        });
        if (Duration.between(device.getLastSeen(), now).compareTo(LAST_SEEN_RESOLUTION) >= 0) {
            device.setLastSeen(now);
        }
        if (call.deviceType() != null && !call.deviceType().equals(device.getDeviceType())) {
            device.setDeviceType(call.deviceType());
        }
        if (call.userAgent() != null && !call.userAgent().equals(device.getUserAgent())) {
            device.setUserAgent(truncate(call.userAgent(), 255));
        }
        if (call.protocolVersion() != null && !call.protocolVersion().equals(device.getProtocolVersion())) {
            device.setProtocolVersion(call.protocolVersion());
        }
        return new DeviceEntry(device.getId() == null ? flushId(device) : device.getId(), device.getDeviceId(),
                device.getDeviceType(), gate(device, user.contextId(), call.presentedPolicyKey()));
    }

    /** Stores what the phone tells about itself (Settings DeviceInformation). */
    public void recordInformation(long userId, String deviceId, DeviceInformation info) {
        find(userId, deviceId).ifPresent(d -> {
            if (info.model() != null) d.setModel(truncate(info.model(), 255));
            if (info.imei() != null) d.setImei(truncate(info.imei(), 64));
            if (info.friendlyName() != null) d.setFriendlyName(truncate(info.friendlyName(), 255));
            if (info.os() != null) d.setOs(truncate(info.os(), 255));
            if (info.osLanguage() != null) d.setOsLanguage(truncate(info.osLanguage(), 64));
            if (info.phoneNumber() != null) d.setPhoneNumber(truncate(info.phoneNumber(), 64));
            if (info.userAgent() != null) d.setUserAgent(truncate(info.userAgent(), 255));
            if (info.enableOutboundSms() != null) d.setEnableOutboundSms(info.enableOutboundSms());
            if (info.mobileOperator() != null) d.setMobileOperator(truncate(info.mobileOperator(), 255));
        });
    }

    /** Stores the device password recovery code (Settings DevicePassword). */
    public boolean recordRecoveryPassword(long userId, String deviceId, String recoveryPassword) {
        Optional<Device> device = find(userId, deviceId);
        device.ifPresent(d -> d.setRecoveryPassword(truncate(recoveryPassword, 255)));
        return device.isPresent();
    }

    private DeviceGate gate(Device device, long contextId, Long presentedKey) {
        if (device.isBlocked()) {
            return DeviceGate.BLOCKED;
        }
        if (device.getWipeState().active()) {
            return DeviceGate.WIPE_REQUESTED;
        }
        if (presentedKey == null || presentedKey == 0) {
            return DeviceGate.NOT_PROVISIONED;
        }
        Policy policy = em.find(Policy.class, contextId);
        boolean current = policy != null && Objects.equals(device.getPolicyKey(), policy.getPolicyKey())
                && presentedKey.equals(device.getPolicyKey());
        return current ? DeviceGate.ALLOWED : DeviceGate.POLICY_KEY_INVALID;
    }

    Optional<Device> find(long userId, String deviceId) {
        return em.createNamedQuery(Device.BY_USER_AND_DEVICE_ID, Device.class)
                .setParameter("user", userId).setParameter("deviceId", deviceId)
                .getResultStream().findFirst();
    }

    private long flushId(Device device) {
        em.flush();
        return device.getId();
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
