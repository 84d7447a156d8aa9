/**
 * Accounts and signing in: each account's set of roles and what they allow (decision 064), invitation-only parent
 * accounts, staff accounts made by an admin, password rules and resets, brute-force protection, and the Spring
 * Security set-up. Other features ask {@link org.village.security.CurrentUser} who is signed in and
 * {@link org.village.security.People} for people's names. Families are their own module: security asks them
 * through {@link org.village.security.FamilyGate} and never depends on them (decision 063).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package org.village.security;
