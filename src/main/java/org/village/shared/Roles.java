package org.village.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place role names live, and which capabilities each role gives. An account holds a set of roles; it may
 * do what any of them allows (the union). Spring Security sees roles with the ROLE_ prefix and capabilities as
 * {@code CAN_...} (decision 064).
 */
public final class Roles {
    public static final String PARENT = "PARENT";
    public static final String PEER_SUPPORTER = "PEER_SUPPORTER";
    public static final String WORKER = "WORKER";
    public static final String ADMIN = "ADMIN";

    /** Every role, most powerful first (the first one an account holds names it in the audit log). */
    public static final List<String> ALL = List.of(ADMIN, WORKER, PEER_SUPPORTER, PARENT);

    /** Roles an admin gives staff accounts with tick boxes (parent comes only with a family invitation). */
    public static final List<String> STAFF_ROLES = List.of(PEER_SUPPORTER, WORKER, ADMIN);

    public static final String HAS_ADMIN = "hasRole('ADMIN')";
    public static final String HAS_STAFF = "hasAnyRole('WORKER','ADMIN')";

    /** Which role gives what. A peer supporter moderates but never sees family records. */
    public static final Map<String, Set<Capability>> CAPABILITIES = Map.of(
            PARENT, Set.copyOf(EnumSet.of(Capability.SEE_OWN_FAMILY)),
            PEER_SUPPORTER, Set.copyOf(EnumSet.of(Capability.MODERATE)),
            WORKER, Set.copyOf(EnumSet.of(Capability.SEE_FAMILY_RECORDS, Capability.WORK_WITH_FAMILIES,
                    Capability.MANAGE_FAMILIES, Capability.MODERATE, Capability.TAKE_DUTY, Capability.EDIT_GUIDES,
                    Capability.RUN_SESSIONS)),
            ADMIN, Set.copyOf(EnumSet.of(Capability.SEE_FAMILY_RECORDS, Capability.SEE_EVERY_FAMILY, Capability.MANAGE_FAMILIES,
                    Capability.ASSIGN_WORKERS, Capability.MODERATE, Capability.MANAGE_STAFF, Capability.EDIT_GUIDES,
                    Capability.EDIT_DIRECTORY, Capability.READ_AUDIT)));

    private Roles() {
    }

    /** Everything these roles allow together; unknown names give nothing. */
    public static Set<Capability> capabilities(Collection<String> roles) {
        var all = EnumSet.noneOf(Capability.class);
        for (String role : roles) {
            all.addAll(CAPABILITIES.getOrDefault(role, Set.of()));
        }
        return all;
    }

    /** Words for a role, as staff read them. */
    public static String words(String role) {
        return switch (role) {
            case PARENT -> "Parent";
            case PEER_SUPPORTER -> "Peer supporter";
            case WORKER -> "Family support worker";
            case ADMIN -> "Admin";
            default -> role;
        };
    }
}
