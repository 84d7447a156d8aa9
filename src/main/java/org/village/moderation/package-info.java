/**
 * Moderation, shared by the forum and live chat. For now: the text filters every post and chat message passes
 * through ({@link org.village.moderation.TextFilters#check}), and the lists workers keep for them (watched words,
 * risk phrases, school names: {@link org.village.moderation.FilterLists}). The queue, reports and duty rota come
 * later in this module and act on a {@link org.village.moderation.Verdict}. Decisions 073, 074 and 075.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation",
        allowedDependencies = {"families", "security", "helpnow", "layout", "notification", "shared"})
package org.village.moderation;
