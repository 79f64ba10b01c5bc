package org.syncbridge.persistence.tenant;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A user of one context. Login names are case-sensitive and unique within the context. */
@Entity
@Table(name = "sb_user")
@NamedQuery(name = User.BY_CONTEXT_AND_LOGIN,
        query = "select u from User u join fetch u.context where u.context = :context and u.loginName = :login")
@NamedQuery(name = User.FOR_LOGIN_IN_DOMAIN,
        query = "select u from User u join fetch u.context where :domain member of u.context.loginDomains and u.loginName = :login")
@NamedQuery(name = User.FOR_LOGIN_IN_CONTEXT_NAMED,
        query = "select u from User u join fetch u.context where u.context.name = :context and u.loginName = :login")
@NamedQuery(name = User.IN_CONTEXT, query = "select u from User u where u.context = :context order by u.loginName")
@NamedQuery(name = User.DIRECTORY_MATCHES, query = "select u from User u where " + User.DIRECTORY_MATCH + " order by " + User.DIRECTORY_ORDER)
@NamedQuery(name = User.DIRECTORY_MATCH_COUNT, query = "select count(u) from User u where " + User.DIRECTORY_MATCH)
@NamedQuery(name = User.RECIPIENTS_NAMED_EXACTLY, query = "select u from User u where u.context.id = :context and u.enabled = true"
        + " and u.primaryEmail is not null and u.id in (select v.id from User v join v.directoryTerms t"
        + " where t.contextId = :context and t.term = :term) and (lower(u.primaryEmail) = :term or lower(u.loginName) = :term"
        + " or exists (select a from User w join w.aliases a where w = u and lower(a) = :term)) order by " + User.DIRECTORY_ORDER)
public class User {
    public static final String BY_CONTEXT_AND_LOGIN = "User.byContextAndLogin";
    public static final String FOR_LOGIN_IN_DOMAIN = "User.forLoginInDomain";
    public static final String FOR_LOGIN_IN_CONTEXT_NAMED = "User.forLoginInContextNamed";
    public static final String IN_CONTEXT = "User.inContext";
    public static final String DIRECTORY_MATCHES = "User.directoryMatches";
    public static final String DIRECTORY_MATCH_COUNT = "User.directoryMatchCount";
    /** The enabled users with a primary address whose address, alias or login name is :term (lower-case). */
    public static final String RECIPIENTS_NAMED_EXACTLY = "User.recipientsNamedExactly";

    /**
     * The enabled users of a context (:context) with a directory term that a LIKE pattern (:prefix,
     * escaped with '!') matches; with :recipientsOnly only those with a primary address. The term index
     * finds the candidates, so the cost follows the matches, not the size of the context.
     */
    static final String DIRECTORY_MATCH = "u.context.id = :context and u.enabled = true"
            + " and (:recipientsOnly = false or u.primaryEmail is not null)"
            + " and u.id in (select v.id from User v join v.directoryTerms t where t.contextId = :context"
            + " and t.term like :prefix escape '!')";
    /** Login names are unique in a context, so pages of a directory lookup neither overlap nor skip. */
    static final String DIRECTORY_ORDER = "lower(coalesce(u.displayName, u.loginName)), u.loginName";

    @Id
    @SequenceGenerator(name = "sb_id", sequenceName = "sb_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sb_id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "context_id", nullable = false)
    private Context context;

    @Column(name = "login_name", nullable = false, length = 128)
    private String loginName;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "primary_email", length = 320)
    private String primaryEmail;

    @Embedded
    private DirectoryCard directory;

    /** The size of the photo in {@link UserPhoto}; null: none. */
    @Column(name = "photo_size")
    private Integer photoSize;

    /** S/MIME certificates, DER in base64, as recipient lookups hand them to senders. */
    @ElementCollection
    @CollectionTable(name = "sb_user_certificate", joinColumns = @JoinColumn(name = "user_id"))
    @OrderColumn(name = "position")
    @Column(name = "der_base64", nullable = false, length = 24_000)
    private List<String> certificates = new ArrayList<>();

    /** Kept by whoever changes names or addresses (UserAdministration), from all of them at once. */
    @ElementCollection
    @CollectionTable(name = "sb_directory_term", joinColumns = @JoinColumn(name = "user_id"))
    private Set<DirectoryTerm> directoryTerms = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "sb_user_alias", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "address", nullable = false, length = 320)
    @OrderBy
    private Set<String> aliases = new LinkedHashSet<>();

    /** A self-describing password hash (algorithm, parameters, salt); never the password. */
    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "perm_activesync", nullable = false)
    private boolean activeSync = true;

    @Column(name = "perm_outlook", nullable = false)
    private boolean outlook = true;

    /** The IMAP login; null means the default of {@link #effectiveImapLogin()}, with the password passed through. */
    @Column(name = "imap_login", length = 320)
    private String imapLogin;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    /** Overrides the context's mail subfolder switch for this user; null follows the context. */
    @Column(name = "sync_mail_subfolders")
    private Boolean syncMailSubfolders;

    protected User() {
    }

    public User(Context context, String loginName, String passwordHash) {
        this.context = context;
        this.loginName = loginName;
        this.passwordHash = passwordHash;
    }

    public Long getId() {
        return id;
    }

    public Context getContext() {
        return context;
    }

    public String getLoginName() {
        return loginName;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPrimaryEmail() {
        return primaryEmail;
    }

    public void setPrimaryEmail(String primaryEmail) {
        this.primaryEmail = primaryEmail;
    }

    public DirectoryCard getDirectory() {
        return directory == null ? DirectoryCard.EMPTY : directory;
    }

    public void setDirectory(DirectoryCard directory) {
        this.directory = directory;
    }

    public Set<String> getAliases() {
        return aliases;
    }

    public Integer getPhotoSize() {
        return photoSize;
    }

    public void setPhotoSize(Integer photoSize) {
        this.photoSize = photoSize;
    }

    public List<String> getCertificates() {
        return certificates;
    }

    public Set<DirectoryTerm> getDirectoryTerms() {
        return directoryTerms;
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

    public boolean isActiveSync() {
        return activeSync;
    }

    public void setActiveSync(boolean activeSync) {
        this.activeSync = activeSync;
    }

    public boolean isOutlook() {
        return outlook;
    }

    public void setOutlook(boolean outlook) {
        this.outlook = outlook;
    }

    public String getImapLogin() {
        return imapLogin;
    }

    public void setImapLogin(String imapLogin) {
        this.imapLogin = imapLogin;
    }

    /**
     * The login to present to the IMAP server: the admin's choice, else the login name in the default
     * context and {@code login@domain} in the others, so equal names in two tenants stay two mailboxes.
     */
    public String effectiveImapLogin() {
        if (imapLogin != null) {
            return imapLogin;
        }
        if (context.isDefault()) {
            return loginName;
        }
        String domain = context.getLoginDomains().stream().sorted().findFirst().orElse(context.getName());
        return loginName + "@" + domain;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Boolean getSyncMailSubfolders() {
        return syncMailSubfolders;
    }

    public void setSyncMailSubfolders(Boolean syncMailSubfolders) {
        this.syncMailSubfolders = syncMailSubfolders;
    }

    /** Whether phones get mail subfolders: the user's own switch, else the context's. */
    public boolean syncsMailSubfolders() {
        return syncMailSubfolders != null ? syncMailSubfolders : context.isSyncMailSubfolders();
    }
}
