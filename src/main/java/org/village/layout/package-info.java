/**
 * What every page shares: the main layout with navigation built from {@code @Menu}, the quick exit
 * (button, Shift x3 and the session-ending endpoint), the public home and safety pages, and the
 * friendly error pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"helpnow", "notification", "security", "shared"})
package org.village.layout;
