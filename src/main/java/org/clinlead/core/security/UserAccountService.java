package org.clinlead.core.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clinlead.core.ConcurrentChangeException;
import org.clinlead.core.InvalidInputException;
import org.clinlead.core.audit.AuditReason;
import org.clinlead.db.tables.records.AppUserRecord;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts: sign-in, passwords, lock-out and administration. */
@Service
public class UserAccountService implements UserDetailsService {

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUserProvider currentUser;
    private final AuditReason auditReason;
    private final LoginAttempts loginAttempts;

    UserAccountService(UserAccountRepository repository, PasswordEncoder passwordEncoder,
                       CurrentUserProvider currentUser, AuditReason auditReason, LoginAttempts loginAttempts) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.auditReason = auditReason;
        this.loginAttempts = loginAttempts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return repository.findDetails(normalise(username))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /** The current details of a signed-in user (roles or scope may have changed since sign-in). */
    @Transactional(readOnly = true)
    public Optional<CurrentUser> reload(String username) {
        return repository.findDetails(normalise(username)).map(ClinLeadUserDetails::user);
    }

    /**
     * Checks the signed-in user's password again, as an electronic signature or a sensitive change
     * requires. A wrong password counts toward lock-out like a failed sign-in.
     */
    @Transactional(noRollbackFor = WrongPasswordException.class)
    public void verifyPassword(String password) {
        CurrentUser user = currentUser.require();
        AppUserRecord record = repository.find(user.userId()).orElseThrow();
        if (record.getLockedUntil() != null && record.getLockedUntil().isAfter(OffsetDateTime.now())) {
            throw new WrongPasswordException("Your account is locked after too many wrong passwords. Try again later.");
        }
        if (password == null || !passwordEncoder.matches(password, record.getPasswordHash())) {
            loginAttempts.failed(user.username());
            throw new WrongPasswordException("The password is not correct.");
        }
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword(long userId) {
        return repository.mustChangePassword(userId);
    }

    @Transactional(noRollbackFor = WrongPasswordException.class)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        CurrentUser user = currentUser.require();
        verifyPassword(currentPassword);
        PasswordPolicy.problem(user.username(), newPassword).ifPresent(problem -> {
            throw new InvalidInputException("newPassword", problem);
        });
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException("newPassword", "Choose a password different from the current one.");
        }
        auditReason.set("Password changed by its owner");
        repository.setPassword(user.userId(), passwordEncoder.encode(newPassword), false);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserAccount> page(String filter, int offset, int limit) {
        return repository.page(filter, offset, limit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(String filter) {
        return repository.count(filter);
    }

    /** Creates an account with a temporary password, returned once, that must be changed at first sign-in. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String create(UserAccountForm form) {
        UserAccountForm clean = validate(form, null);
        String temporary = PasswordPolicy.temporary();
        auditReason.set("Account created by an administrator");
        repository.insert(clean, passwordEncoder.encode(temporary), true);
        return temporary;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void update(long id, int version, UserAccountForm form) {
        UserAccountForm clean = validate(form, id);
        if (id == currentUser.require().userId() && !clean.roles().contains(Roles.ADMIN)) {
            throw new InvalidInputException("roles", "You cannot remove the ADMIN role from your own account.");
        }
        auditReason.set("Account changed by an administrator");
        if (!repository.update(id, version, clean)) {
            throw new ConcurrentChangeException("Someone else changed this account. Reload it and try again.");
        }
    }

    /** Sets a new temporary password, returned once, and unlocks the account. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String resetPassword(long id) {
        repository.find(id).orElseThrow(() -> new InvalidInputException("user", "No such account."));
        String temporary = PasswordPolicy.temporary();
        auditReason.set("Password reset by an administrator");
        repository.setPassword(id, passwordEncoder.encode(temporary), true);
        return temporary;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void unlock(long id) {
        auditReason.set("Account unlocked by an administrator");
        repository.unlock(id);
    }

    /**
     * Creates the first administrator when the database has no account at all. Returns the
     * generated password when none was configured, so that it can be printed once.
     */
    @Transactional
    public Optional<String> createFirstAdministrator(String configuredPassword) {
        if (repository.anyUser()) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? PasswordPolicy.temporary() : configuredPassword;
        auditReason.set("First administrator created at first start");
        repository.insert(new UserAccountForm("admin", "Administrator", null, null, null, true,
                java.util.Set.of(Roles.ADMIN)), passwordEncoder.encode(password), true);
        return generated ? Optional.of(password) : Optional.empty();
    }

    /** Creates a demo account with a known password (only the demo organisation does this). */
    @Transactional
    public void createDemoAccount(UserAccountForm form, String passwordHash) {
        repository.insert(validate(form, null), passwordHash, false);
    }

    private UserAccountForm validate(UserAccountForm form, Long id) {
        String username = normalise(form.username());
        if (!username.matches("[a-z0-9][a-z0-9._@-]{1,63}")) {
            throw new InvalidInputException("username",
                    "Use 2 to 64 lower-case letters, digits, dots, dashes, underscores or @.");
        }
        if (repository.usernameTaken(username, id)) {
            throw new InvalidInputException("username", "The user name " + username + " is taken.");
        }
        if (form.displayName() == null || form.displayName().isBlank()) {
            throw new InvalidInputException("displayName", "Enter the name to show for this account.");
        }
        String email = form.email() == null || form.email().isBlank() ? null : form.email().trim();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidInputException("email", "Enter a valid e-mail address.");
        }
        if (form.roles() == null || form.roles().isEmpty()) {
            throw new InvalidInputException("roles", "Give the account at least one role.");
        }
        if (!Roles.ALL.containsAll(form.roles())) {
            throw new InvalidInputException("roles", "Unknown role.");
        }
        if (form.employeeId() != null && repository.employeeLinked(form.employeeId(), id)) {
            throw new InvalidInputException("employee", "That person already has an account.");
        }
        return new UserAccountForm(username, form.displayName().trim(), email, form.employeeId(),
                form.scopeOrgUnitId(), form.enabled(), form.roles());
    }

    static String normalise(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
