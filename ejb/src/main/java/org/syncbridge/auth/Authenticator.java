package org.syncbridge.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.syncbridge.config.SystemSettings;
import org.syncbridge.persistence.tenant.Admin;
import org.syncbridge.persistence.tenant.Context;
import org.syncbridge.persistence.tenant.User;

/**
 * The one place where logins are checked, for every protocol and the admin API. Each request reads
 * the account by key; the slow hash is skipped while {@link VerifiedCredentials} vouches for the
 * password, and {@link LoginThrottle} slows down guessing.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Authenticator {
    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

    @PersistenceContext
    EntityManager em;

    private LoginThrottle throttle;
    private VerifiedCredentials verified;

    @PostConstruct
    void init() {
        throttle = new LoginThrottle(new LoginThrottle.Policy(
                SystemSettings.intValue("syncbridge.login.throttle.free-failures", 5),
                Duration.ofSeconds(SystemSettings.intValue("syncbridge.login.throttle.first-delay-seconds", 1)),
                Duration.ofSeconds(SystemSettings.intValue("syncbridge.login.throttle.max-delay-seconds", 60))),
                Ticker.systemTicker());
        verified = new VerifiedCredentials(100_000,
                Duration.ofSeconds(SystemSettings.intValue("syncbridge.login.cache-seconds", 300)), Ticker.systemTicker());
    }

    /**
     * Checks a client's login. {@code required} is the permission the protocol needs, or null when any
     * enabled user may proceed.
     */
    public LoginOutcome<AuthenticatedUser> authenticateUser(String login, String password, Permission required) {
        Optional<LoginName> name = LoginName.parse(login);
        String throttleKey = "user:" + name.map(LoginName::toString).orElse(String.valueOf(login));
        Duration wait = throttle.blockedFor(throttleKey);
        if (!wait.isZero()) {
            return new LoginOutcome.Throttled<>(wait);
        }
        User user = name.flatMap(this::findUser).orElse(null);
        if (user == null) {
            Passwords.burnVerification(password);
            return deny(throttleKey, login, "unknown login");
        }
        if (!passwordMatches(throttleKey, password, user.getPasswordHash())) {
            return deny(throttleKey, login, "wrong password");
        }
        if (!user.isEnabled() || !user.getContext().isEnabled()) {
            return deny(throttleKey, login, user.isEnabled() ? "context disabled" : "user disabled");
        }
        throttle.recordSuccess(throttleKey);
        AuthenticatedUser identity = new AuthenticatedUser(user.getId(), user.getContext().getId(),
                user.getContext().getName(), user.getLoginName(), user.getDisplayName(), user.getPrimaryEmail(),
                user.isActiveSync(), user.isOutlook(), user.effectiveImapLogin());
        if (required != null && !identity.has(required)) {
            return new LoginOutcome.Forbidden<>("the user may not use " + required.name().toLowerCase());
        }
        return new LoginOutcome.Granted<>(identity);
    }

    /** Checks an administrator's login. A user's good credentials are forbidden here, not denied. */
    public LoginOutcome<AdminIdentity> authenticateAdmin(String login, String password) {
        String throttleKey = "admin:" + login;
        Duration wait = throttle.blockedFor(throttleKey);
        if (!wait.isZero()) {
            return new LoginOutcome.Throttled<>(wait);
        }
        List<Admin> found = login == null ? List.of()
                : em.createNamedQuery(Admin.BY_LOGIN, Admin.class).setParameter("login", login).getResultList();
        Admin admin = found.isEmpty() ? null : found.get(0);
        if (admin != null && admin.isEnabled() && passwordMatches(throttleKey, password, admin.getPasswordHash())) {
            throttle.recordSuccess(throttleKey);
            Context context = admin.getContext();
            return new LoginOutcome.Granted<>(new AdminIdentity(admin.getId(), admin.getLoginName(),
                    context == null ? null : context.getId(), context == null ? null : context.getName()));
        }
        if (admin == null) {
            if (authenticateUser(login, password, null) instanceof LoginOutcome.Granted) {
                return new LoginOutcome.Forbidden<>("not an administrator");
            }
        }
        return deny(throttleKey, login, admin == null ? "unknown admin" : "wrong password or disabled admin");
    }

    private boolean passwordMatches(String account, String password, String storedHash) {
        if (password == null) {
            return false;
        }
        if (verified.contains(account, password, storedHash)) {
            return true;
        }
        if (Passwords.matches(password, storedHash)) {
            verified.remember(account, password, storedHash);
            return true;
        }
        return false;
    }

    private <T> LoginOutcome<T> deny(String throttleKey, String login, String why) {
        throttle.recordFailure(throttleKey);
        LOG.info(() -> "Login failed for '" + login + "': " + why);
        return new LoginOutcome.Denied<>();
    }

    private Optional<User> findUser(LoginName name) {
        var query = name.inDefaultContext()
                ? em.createNamedQuery(User.FOR_LOGIN_IN_CONTEXT_NAMED, User.class).setParameter("context", Context.DEFAULT_NAME)
                : em.createNamedQuery(User.FOR_LOGIN_IN_DOMAIN, User.class).setParameter("domain", name.domain());
        return query.setParameter("login", name.user()).getResultStream().findFirst();
    }
}
