/**
 * Guides: the safeguarding system explained in plain language. Public guides in categories, "what happens
 * next" pathways, a jargon buster whose terms are explained wherever they appear, and search that forgives
 * misspellings. Workers write guides in Markdown with a live plain-language check (both from {@code content});
 * publishing is audited and every save is kept as a revision. Guides tell {@code helpnow} which lines fit a
 * guide's topic ({@link org.village.guides.GuideNeeds}).
 * <p>
 * The root package is the module's API ({@link org.village.guides.GuideService} and its records);
 * {@code internal} holds the data access and {@code ui} the views.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"content", "helpnow", "directory", "layout", "security", "shared"})
package org.village.guides;
