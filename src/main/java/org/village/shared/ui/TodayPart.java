package org.village.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;

/**
 * The frame of one part of the Today page ({@link TodaySection}): a block with the id and class
 * {@code today-<name>}, the shared class {@code today-section} (spacing, 24 px link targets) and its heading (from
 * the bundles). Each feature adds what it has below the heading.
 */
public class TodayPart extends Div {

    public TodayPart(String name, String titleKey) {
        setId("today-" + name);
        addClassNames("today-section", "today-" + name);
        add(new H2(getTranslation(titleKey)));
    }
}
