/**
 * Accounts, families and signing in: roles, invitation-only parent accounts, staff accounts made by an
 * admin, password rules and resets, brute-force protection, and the Spring Security set-up.
 * Other features ask {@link org.village.security.CurrentUser} who is signed in and
 * {@link org.village.security.FamilyService} whether they may see a family.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.village.security;
