package org.syncbridge.persistence.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/**
 * An administrator account, separate from users. Without a context it is a master admin over all
 * contexts; with one it manages that context only.
 */
@Entity
@Table(name = "sb_admin")
@NamedQuery(name = Admin.BY_LOGIN, query = "select a from Admin a left join fetch a.context where a.loginName = :login")
@NamedQuery(name = Admin.ALL, query = "select a from Admin a left join fetch a.context order by a.loginName")
@NamedQuery(name = Admin.IN_CONTEXT,
        query = "select a from Admin a join fetch a.context where a.context = :context order by a.loginName")
@NamedQuery(name = Admin.MASTER_COUNT, query = "select count(a) from Admin a where a.context is null")
public class Admin {
    public static final String BY_LOGIN = "Admin.byLogin";
    public static final String ALL = "Admin.all";
    public static final String IN_CONTEXT = "Admin.inContext";
    public static final String MASTER_COUNT = "Admin.masterCount";

    @Id
    @SequenceGenerator(name = "sb_id", sequenceName = "sb_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sb_id")
    private Long id;

    @Column(name = "login_name", nullable = false, unique = true, length = 128)
    private String loginName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "context_id")
    private Context context;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected Admin() {
    }

    public Admin(String loginName, Context context, String passwordHash) {
        this.loginName = loginName;
        this.context = context;
        this.passwordHash = passwordHash;
    }

    public Long getId() {
        return id;
    }

    public String getLoginName() {
        return loginName;
    }

    /** The managed context, or null for a master admin. */
    public Context getContext() {
        return context;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
