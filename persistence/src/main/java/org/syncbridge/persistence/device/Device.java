package org.syncbridge.persistence.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.syncbridge.persistence.tenant.User;

/** One phone (or client) of one user, known by the DeviceId it sends. */
@Entity
@Table(name = "sb_device")
@NamedQuery(name = Device.BY_USER_AND_DEVICE_ID,
        query = "select d from Device d where d.user.id = :user and d.deviceId = :deviceId")
@NamedQuery(name = Device.OF_USER, query = "select d from Device d where d.user = :user order by d.firstSeen")
public class Device {
    public static final String BY_USER_AND_DEVICE_ID = "Device.byUserAndDeviceId";
    public static final String OF_USER = "Device.ofUser";

    @Id
    @SequenceGenerator(name = "sb_id", sequenceName = "sb_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sb_id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @Column(name = "device_id", nullable = false, length = 128)
    private String deviceId;

    @Column(name = "device_type", nullable = false, length = 64)
    private String deviceType;

    @Column(name = "user_agent")
    private String userAgent;

    @Column(name = "protocol_version", length = 8)
    private String protocolVersion;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    /** The final policy key the device acknowledged; null until it is provisioned. */
    @Column(name = "policy_key")
    private Long policyKey;

    /** The temporary key of a provisioning that awaits the device's acknowledgement. */
    @Column(name = "pending_policy_key")
    private Long pendingPolicyKey;

    @Column(nullable = false)
    private boolean blocked;

    @Enumerated(EnumType.STRING)
    @Column(name = "wipe_state", nullable = false, length = 24)
    private WipeState wipeState = WipeState.NONE;

    @Column(name = "wipe_requested_at")
    private Instant wipeRequestedAt;

    @Column(name = "wipe_acknowledged_at")
    private Instant wipeAcknowledgedAt;

    private String model;
    @Column(length = 64)
    private String imei;
    @Column(name = "friendly_name")
    private String friendlyName;
    private String os;
    @Column(name = "os_language", length = 64)
    private String osLanguage;
    @Column(name = "phone_number", length = 64)
    private String phoneNumber;
    @Column(name = "mobile_operator")
    private String mobileOperator;
    @Column(name = "enable_outbound_sms")
    private Boolean enableOutboundSms;

    /** The device password recovery code the phone sent (Settings DevicePassword), for the admin to read out. */
    @Column(name = "recovery_password")
    private String recoveryPassword;

    /** The last Ping's heartbeat in seconds, for an empty Ping; null before the first. */
    @Column(name = "ping_heartbeat")
    private Integer pingHeartbeat;

    /** The last Ping's collection ids, joined by commas. */
    @Column(name = "ping_collections", length = 8000)
    private String pingCollections;

    protected Device() {
    }

    public Device(User user, String deviceId, String deviceType, Instant now) {
        this.user = user;
        this.deviceId = deviceId;
        this.deviceType = deviceType;
        this.firstSeen = now;
        this.lastSeen = now;
    }

    public Long getId() { return id; }
    public User getUser() { return user; }
    public String getDeviceId() { return deviceId; }
    public String getDeviceType() { return deviceType; }
    public void setDeviceType(String deviceType) { this.deviceType = deviceType; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
    public String getProtocolVersion() { return protocolVersion; }
    public void setProtocolVersion(String protocolVersion) { this.protocolVersion = protocolVersion; }
    public Instant getFirstSeen() { return firstSeen; }
    public Instant getLastSeen() { return lastSeen; }
    public void setLastSeen(Instant lastSeen) { this.lastSeen = lastSeen; }
    public Long getPolicyKey() { return policyKey; }
    public void setPolicyKey(Long policyKey) { this.policyKey = policyKey; }
    public Long getPendingPolicyKey() { return pendingPolicyKey; }
    public void setPendingPolicyKey(Long pendingPolicyKey) { this.pendingPolicyKey = pendingPolicyKey; }
    public boolean isBlocked() { return blocked; }
    public void setBlocked(boolean blocked) { this.blocked = blocked; }
    public WipeState getWipeState() { return wipeState; }
    public Instant getWipeRequestedAt() { return wipeRequestedAt; }
    public Instant getWipeAcknowledgedAt() { return wipeAcknowledgedAt; }

    public void requestWipe(boolean accountOnly, Instant now) {
        wipeState = accountOnly ? WipeState.ACCOUNT_ONLY_REQUESTED : WipeState.REQUESTED;
        wipeRequestedAt = now;
        wipeAcknowledgedAt = null;
    }

    public void cancelWipe() {
        wipeState = WipeState.NONE;
        wipeRequestedAt = null;
        wipeAcknowledgedAt = null;
    }

    public void acknowledgeWipe(Instant now) {
        wipeState = wipeState.accountOnly() ? WipeState.ACCOUNT_ONLY_ACKNOWLEDGED : WipeState.WIPE_ACKNOWLEDGED;
        wipeAcknowledgedAt = now;
    }

    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getImei() { return imei; }
    public void setImei(String imei) { this.imei = imei; }
    public String getFriendlyName() { return friendlyName; }
    public void setFriendlyName(String friendlyName) { this.friendlyName = friendlyName; }
    public String getOs() { return os; }
    public void setOs(String os) { this.os = os; }
    public String getOsLanguage() { return osLanguage; }
    public void setOsLanguage(String osLanguage) { this.osLanguage = osLanguage; }
    public String getPhoneNumber() { return phoneNumber; }
    public void setPhoneNumber(String phoneNumber) { this.phoneNumber = phoneNumber; }
    public String getMobileOperator() { return mobileOperator; }
    public void setMobileOperator(String mobileOperator) { this.mobileOperator = mobileOperator; }
    public Boolean getEnableOutboundSms() { return enableOutboundSms; }
    public void setEnableOutboundSms(Boolean enableOutboundSms) { this.enableOutboundSms = enableOutboundSms; }
    public String getRecoveryPassword() { return recoveryPassword; }
    public void setRecoveryPassword(String recoveryPassword) { this.recoveryPassword = recoveryPassword; }
    public Integer getPingHeartbeat() { return pingHeartbeat; }
    public String getPingCollections() { return pingCollections; }

    public void rememberPing(int heartbeat, String collections) {
        this.pingHeartbeat = heartbeat;
        this.pingCollections = collections;
    }
}
