package org.village.security;

import java.util.Optional;

/**
 * What accounts need to ask about families, answered by the families module (which implements this). It keeps
 * the dependency one way: families uses security, security never uses families. Decision 063.
 */
public interface FamilyGate {

    /** True when the signed-in person may see this family's private pages. */
    boolean canSee(long familyId);

    /** Throws {@link org.springframework.security.access.AccessDeniedException} (and audits) when they may not. */
    void checkAccess(long familyId);

    /** Demo set-up only: the family with this label, so sample parents can be linked to it. */
    Optional<Long> familyLabelled(String label);
}
