package org.village.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.village.shared.AuditLog;
import org.village.shared.Roles;

/** The signed-in person as the session knows them. Holds no personal data beyond the chosen names. */
public final class VillageUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final String role;
    private final Long familyId;
    private final boolean enabled;
    private final long securityStamp;
    private String passwordHash;

    public VillageUser(long id, String username, String displayName, String role, Long familyId, boolean enabled,
                       long securityStamp, String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.familyId = familyId;
        this.enabled = enabled;
        this.securityStamp = securityStamp;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String role() {
        return role;
    }

    /** The account's security stamp when this session signed in; the session ends once the account's moves on. */
    public long securityStamp() {
        return securityStamp;
    }

    /** The same person with the account's new stamp: this session carries on after a change it made itself. */
    VillageUser withSecurityStamp(long stamp) {
        return new VillageUser(id, username, displayName, role, familyId, enabled, stamp, null);
    }

    public Long familyId() {
        return familyId;
    }

    public boolean isParent() {
        return Roles.PARENT.equals(role);
    }

    public boolean isWorker() {
        return Roles.WORKER.equals(role);
    }

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }

    public boolean isStaff() {
        return isWorker() || isAdmin();
    }

    public AuditLog.Actor actor() {
        return new AuditLog.Actor(id, role.toLowerCase() + ":" + displayName);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VillageUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "VillageUser[" + id + "]"; // never names in logs
    }
}
