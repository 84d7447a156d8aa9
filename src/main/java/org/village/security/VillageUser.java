package org.village.security;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.Roles;

/**
 * The signed-in person as the session knows them. Holds no personal data beyond the chosen names. Holds a set of
 * roles and what they allow together; services ask {@link #can} (decision 064).
 */
public final class VillageUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final Set<String> roles;
    private final EnumSet<Capability> capabilities;
    private final Long familyId;
    private final boolean enabled;
    private final long securityStamp;
    private String passwordHash;

    public VillageUser(long id, String username, String displayName, Collection<String> roles, Long familyId,
                       boolean enabled, long securityStamp, String passwordHash) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.capabilities = EnumSet.noneOf(Capability.class);
        this.capabilities.addAll(Roles.capabilities(this.roles));
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

    /** Every role this account holds. */
    public Set<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True when any of this person's roles gives the capability. */
    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The most powerful role held, to name the person in the audit log. */
    public String mainRole() {
        return Roles.ALL.stream().filter(roles::contains).findFirst().orElse("none");
    }

    /** The account's security stamp when this session signed in; the session ends once the account's moves on. */
    public long securityStamp() {
        return securityStamp;
    }

    /** The same person with the account's new stamp: this session carries on after a change it made itself. */
    VillageUser withSecurityStamp(long stamp) {
        return new VillageUser(id, username, displayName, roles, familyId, enabled, stamp, null);
    }

    public Long familyId() {
        return familyId;
    }

    public boolean isParent() {
        return roles.contains(Roles.PARENT);
    }

    /** A parent, and this is their own family. */
    public boolean isParentOf(long familyId) {
        return isParent() && familyId != 0 && familyId == (this.familyId == null ? 0 : this.familyId);
    }

    public boolean isPeerSupporter() {
        return roles.contains(Roles.PEER_SUPPORTER);
    }

    public boolean isWorker() {
        return roles.contains(Roles.WORKER);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean isStaff() {
        return isWorker() || isAdmin();
    }

    public AuditLog.Actor actor() {
        return new AuditLog.Actor(id, mainRole().toLowerCase() + ":" + displayName);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> all = new ArrayList<>();
        Roles.ALL.stream().filter(roles::contains).forEach(r -> all.add(new SimpleGrantedAuthority("ROLE_" + r)));
        capabilities.forEach(c -> all.add(new SimpleGrantedAuthority(c.authority())));
        return all;
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
