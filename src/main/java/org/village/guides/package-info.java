/**
 * Guides: the safeguarding system explained in plain language. Public guides in categories, "what happens
 * next" pathways, a jargon buster whose terms are explained wherever they appear, search that forgives
 * misspellings, and help now (what is open right now). Workers write guides in Markdown with a live
 * plain-language check; publishing is audited and every save is kept as a revision.
 * <p>
 * The root package is the module's API ({@link org.village.guides.GuideService},
 * {@link org.village.guides.HelpNowService} and their records); {@code internal} holds the data access and
 * {@code ui} the views.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"directory", "layout", "security", "shared"})
package org.village.guides;
