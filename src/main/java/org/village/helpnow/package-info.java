/**
 * Help now: who you can call right now, on every page. The help-now contacts admins keep, the lines other
 * features offer ({@link org.village.helpnow.HelpNowSource}, such as the directory's out-of-hours services),
 * the help box with 999 first ({@link org.village.helpnow.HelpNowService#box()}), the help-now page, and the
 * one opening-hours model and parser ({@link org.village.helpnow.OpeningHours},
 * {@link org.village.helpnow.OpeningHoursParser}) that the directory, and later chat rooms and booking, use.
 * Sits below {@code layout}, so every page can show the live lines (decision 058).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help now",
        allowedDependencies = {"security", "shared"})
package org.village.helpnow;
