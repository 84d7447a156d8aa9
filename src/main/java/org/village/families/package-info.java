/**
 * Families: each family, its children, its parent accounts (by name) and which family support workers work with
 * it, and the one access check every feature uses: "may this person see this family?"
 * ({@link org.village.families.FamilyService#checkAccess}). It owns the tables {@code family}, {@code child} and
 * {@code family_worker}; others ask through {@link org.village.families.FamilyService} (decision 063). Accounts
 * ask through {@link org.village.security.FamilyGate}, which this module implements, so security never
 * depends on families.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Families",
        allowedDependencies = {"security", "shared"})
package org.village.families;
