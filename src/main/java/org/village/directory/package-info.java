/**
 * Services: the public directory of services that help families (shaped like Open Referral UK and published
 * as its JSON API), each child's "team" of services kept up to date by workers, and the "tell it once"
 * family profile a parent writes and shares. Other features call {@link org.village.directory.DirectoryService}
 * and {@link org.village.directory.FamilyTeamService}; repositories in {@code internal} are private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services",
        allowedDependencies = {"security", "shared"})
package org.village.directory;
