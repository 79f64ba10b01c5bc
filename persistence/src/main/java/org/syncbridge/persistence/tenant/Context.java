package org.syncbridge.persistence.tenant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A tenant. Its login domains route {@code user@domain} and {@code DOMAIN\\user} logins to it. */
@Entity
@Table(name = "sb_context")
@NamedQuery(name = Context.BY_NAME, query = "select c from Context c where c.name = :name")
@NamedQuery(name = Context.ALL, query = "select c from Context c order by c.name")
@NamedQuery(name = Context.BY_DOMAIN, query = "select c from Context c join c.loginDomains d where d = :domain")
public class Context {
    public static final String DEFAULT_NAME = "defaultcontext";
    public static final String BY_NAME = "Context.byName";
    public static final String ALL = "Context.all";
    public static final String BY_DOMAIN = "Context.byDomain";

    @Id
    @SequenceGenerator(name = "sb_id", sequenceName = "sb_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sb_id")
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String name;

    /** Stored lower-case: domains are case-insensitive, user names are not. */
    @ElementCollection
    @CollectionTable(name = "sb_context_domain", joinColumns = @JoinColumn(name = "context_id"))
    @Column(name = "domain", nullable = false)
    private Set<String> loginDomains = new LinkedHashSet<>();

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    /** Device types (as phones send DeviceType) shown shared and public folders, comma-separated; "*" for all. */
    @Column(name = "shared_folder_device_types", nullable = false, length = 1024)
    private String sharedFolderDeviceTypes = "iPhone,iPad";

    /** Whether phones get the mail folders below the Inbox and the special folders. */
    @Column(name = "sync_mail_subfolders", nullable = false)
    private boolean syncMailSubfolders = true;

    protected Context() {
    }

    public Context(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }

    public Set<String> getLoginDomains() {
        return loginDomains;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isSyncMailSubfolders() {
        return syncMailSubfolders;
    }

    public void setSyncMailSubfolders(boolean syncMailSubfolders) {
        this.syncMailSubfolders = syncMailSubfolders;
    }

    public String getSharedFolderDeviceTypes() {
        return sharedFolderDeviceTypes;
    }

    public void setSharedFolderDeviceTypes(String sharedFolderDeviceTypes) {
        this.sharedFolderDeviceTypes = sharedFolderDeviceTypes;
    }

    /** Whether devices of this type see shared and public folders (the type is compared ignoring case). */
    public boolean showsSharedFoldersTo(String deviceType) {
        for (String type : sharedFolderDeviceTypes.split(",")) {
            String t = type.trim();
            if (t.equals("*") || (!t.isEmpty() && t.equalsIgnoreCase(deviceType))) {
                return true;
            }
        }
        return false;
    }
}
