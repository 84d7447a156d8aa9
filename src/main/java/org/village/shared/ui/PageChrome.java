package org.village.shared.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of every page's frame that a feature adds without the layout depending on it: moderation's live urgent-alert
 * banner for people on duty now, perhaps chat's later. The layout asks every such bean on each page and adds what it
 * builds, in {@link #order()}. Each bean decides itself (in its service layer) whether the signed-in person gets it.
 */
public interface PageChrome {

    /** Lower comes first. */
    int order();

    /** The part for the signed-in person on this page, or empty when it is not for them. */
    Optional<Component> build();
}
